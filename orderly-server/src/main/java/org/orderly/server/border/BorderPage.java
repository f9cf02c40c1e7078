package org.orderly.server.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.check.BorderChecks;
import org.orderly.border.check.DocumentView;
import org.orderly.border.check.Watchlists;
import org.orderly.server.regime.RegimeService;
import org.orderly.travel.document.mrz.MrzException;
import org.orderly.travel.document.mrz.Repair;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The border check page: an officer pastes a zone and sees the document, its checks, the screening hits and the travel requirement. */
@Controller
class BorderPage {
    private final BorderChecks checks;
    private final Watchlists watchlists;

    BorderPage(BorderChecks checks, Watchlists watchlists) {
        this.checks = checks;
        this.watchlists = watchlists;
    }

    /** One character of the zone as the page draws it: {@code failed} marks a failing check digit or an error's position, {@code repaired} a repaired character. */
    record Cell(char character, boolean failed, boolean repaired) {
    }

    @GetMapping("/border")
    String page(Authentication principal, Model model) {
        form(model, "", false, BorderApi.party(principal), RegimeService.today());
        model.addAttribute("check", null);
        model.addAttribute("error", null);
        return "border";
    }

    /** Without htmx: the whole page with the result. */
    @PostMapping("/border")
    String submit(@RequestParam(defaultValue = "") String mrz, @RequestParam(defaultValue = "false") boolean repair,
                  @RequestParam(required = false) String border,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                  Authentication principal, Model model) {
        form(model, mrz, repair, BorderApi.party(principal), on == null ? RegimeService.today() : on);
        result(mrz, repair, principal, border, on, model);
        return "border";
    }

    /** With htmx: the result only. */
    @PostMapping("/border/check")
    String check(@RequestParam(defaultValue = "") String mrz, @RequestParam(defaultValue = "false") boolean repair,
                 @RequestParam(required = false) String border,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 Authentication principal, Model model) {
        result(mrz, repair, principal, border, on, model);
        return "border-result :: result";
    }

    private void form(Model model, String mrz, boolean repair, String border, LocalDate on) {
        model.addAttribute("mrz", mrz);
        model.addAttribute("repair", repair);
        model.addAttribute("border", border == null ? "" : border);
        model.addAttribute("on", on);
        model.addAttribute("watchlists", watchlists.summaries());
    }

    private void result(String mrz, boolean repair, Authentication principal, String border, LocalDate on, Model model) {
        model.addAttribute("check", null);
        model.addAttribute("error", null);
        model.addAttribute("zone", List.of());
        try {
            RegimeService.requireSane("on", on);
            BorderChecks.BorderCheck check = checks.check(null, mrz, on, repair, OfficerBorder.of(principal, border));
            model.addAttribute("check", check);
            model.addAttribute("zone", zone(check.document()));
        } catch (MrzException e) {
            model.addAttribute("error", "The zone cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | AccessDeniedException e) {
            model.addAttribute("error", e.getMessage());
        }
    }

    /** The zone's lines, character by character, marking failing check digits, errors and repaired characters. */
    private static List<List<Cell>> zone(DocumentView document) {
        List<List<Cell>> lines = new ArrayList<>();
        for (int l = 0; l < document.lines().size(); l++) {
            String text = document.lines().get(l);
            List<Cell> cells = new ArrayList<>(text.length());
            for (int c = 0; c < text.length(); c++) {
                int line = l + 1;
                int column = c + 1;
                boolean failed = document.checks().stream().anyMatch(k -> !k.passed() && k.line() == line && k.column() == column)
                        || document.errors().stream().anyMatch(f -> f.line() == line && f.fromColumn() <= column && column <= f.toColumn());
                boolean repaired = false;
                for (Repair r : document.repairs()) repaired |= r.line() == line && r.column() == column;
                cells.add(new Cell(text.charAt(c), failed, repaired));
            }
            lines.add(cells);
        }
        return lines;
    }
}
