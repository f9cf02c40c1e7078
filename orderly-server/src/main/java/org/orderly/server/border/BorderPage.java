package org.orderly.server.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.check.BorderChecks;
import org.orderly.border.check.DocumentView;
import org.orderly.border.check.Watchlists;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayPlan;
import org.orderly.border.stay.StayRule;
import org.orderly.border.stay.StayRules;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.crossing.CrossingStore;
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
    private final CrossingStore ledger;
    private final AuditTrail audit;

    BorderPage(BorderChecks checks, Watchlists watchlists, CrossingStore ledger, AuditTrail audit) {
        this.checks = checks;
        this.watchlists = watchlists;
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * The holder's days at this border, from the crossings ledger: {@code control} counts the days used in the window
     * ending on the check's date; {@code plan} (when the holder is not inside) what an entry that day allows, under the
     * rule the travel requirement gives (the rule an entry recorded now would carry); {@code inside} when a stay is open.
     */
    public record Days(String traveller, int stays, boolean inside, StayRule rule, StayControl control, StayPlan plan) {
        /**
         * The days of one traveller's view on {@code on} under {@code rule}: the border check and the stays page both ask
         * here, so that for a holder outside both give the days of an entry that day, not of one the day after.
         */
        static Days of(CrossingsApi.TravellerView view, StayRule rule, LocalDate on) {
            StayHistory history = new StayHistory(view.stays());
            boolean inside = view.stays().stream().anyMatch(Stay::open);
            StayControl control = StayAccounting.control(rule, history, on);
            StayPlan plan = inside ? null : StayAccounting.plan(rule, history, on);
            return new Days(view.traveller(), view.stays().size(), inside, rule, control, plan);
        }

        /** Days that may still be stayed: those of the entry if admitted now, or those left of the open stay. */
        public Integer left() {
            return plan != null ? plan.maxStayDays() : control.daysLeft();
        }

        public LocalDate lastLegalDay() {
            return plan != null ? plan.lastLegalDay() : control.lastLegalDay();
        }

        /** The days a rule allows in its window (90 of 90/180), or null for a rule that does not count days. */
        public Integer allowed() {
            return rule.match(
                    StayRule.RollingWindow::stayDays,
                    StayRule.FixedDuration::stayDays,
                    StayRule.VisaTerms::durationDays,
                    n -> null);
        }

        public Integer window() {
            return rule.match(StayRule.RollingWindow::windowDays, f -> null, StayRule.VisaTerms::windowDays, n -> null);
        }

        /** For a title whose stays are not counted, the title ("free movement"); null for a rule that counts days. */
        public String notCountedTitle() {
            return rule.match(r -> null, f -> null, v -> null, StayRule.NotCounted::titleText);
        }
    }

    /** One character of the zone as the page draws it: {@code failed} marks a failing check digit or an error's position, {@code repaired} a repaired character. */
    record Cell(char character, boolean failed, boolean repaired) {}

    @GetMapping("/border")
    String page(Authentication principal, Model model) {
        form(model, "", false, BorderApi.party(principal), RegimeService.today());
        model.addAttribute("check", null);
        model.addAttribute("error", null);
        return "border";
    }

    /** Without htmx: the whole page with the result. */
    @PostMapping("/border")
    String submit(
            @RequestParam(defaultValue = "") String mrz,
            @RequestParam(defaultValue = "false") boolean repair,
            @RequestParam(required = false) String border,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Authentication principal,
            Model model) {
        form(model, mrz, repair, BorderApi.party(principal), on == null ? RegimeService.today() : on);
        result(mrz, repair, principal, border, on, model);
        return "border";
    }

    /** With htmx: the result only. */
    @PostMapping("/border/check")
    String check(
            @RequestParam(defaultValue = "") String mrz,
            @RequestParam(defaultValue = "false") boolean repair,
            @RequestParam(required = false) String border,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Authentication principal,
            Model model) {
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

    private void result(
            String mrz, boolean repair, Authentication principal, String border, LocalDate on, Model model) {
        model.addAttribute("check", null);
        model.addAttribute("error", null);
        model.addAttribute("zone", List.of());
        model.addAttribute("days", null);
        try {
            RegimeService.requireSane("on", on);
            BorderChecks.BorderCheck check = checks.check(null, mrz, on, repair, OfficerBorder.of(principal, border));
            model.addAttribute("check", check);
            model.addAttribute("zone", zone(check.document()));
            model.addAttribute("days", days(check, principal, on == null ? RegimeService.today() : on));
        } catch (MrzException e) {
            model.addAttribute("error", "The zone cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException | AccessDeniedException e) {
            model.addAttribute("error", e.getMessage());
        }
    }

    /**
     * The holder's days from the ledger of the officer's own state (null for a principal acting for no state, a document
     * without number or issuer, or a journey whose rule counts no days and no crossing gives one). Read through the
     * same view as the stays page, and audited as that page's read is.
     */
    private Days days(BorderChecks.BorderCheck check, Authentication principal, LocalDate on) {
        String state = Roles.party(principal);
        DocumentView document = check.document();
        if (state == null
                || document.documentNumber() == null
                || document.documentNumber().isBlank()
                || document.issuingState() == null
                || document.issuingState().isBlank()) return null;
        String traveller = Crossing.documentKey(document.issuingState(), document.documentNumber());
        audit.record(
                AuditTrail.Action.CROSSINGS,
                "crossings",
                "read the crossings of one traveller at " + state + " (border check)");
        CrossingsApi.TravellerView view = CrossingsApi.view(ledger, state, traveller, on);
        StayRule rule =
                check.travel() == null ? null : StayRules.of(check.travel()).orElse(null);
        if (rule == null) {
            rule = view.crossings().stream()
                    .map(Crossing::rule)
                    .filter(r -> r != null)
                    .reduce((a, b) -> b)
                    .map(StayRuleCodes::parse)
                    .orElse(null);
        }
        if (rule == null) return null;
        return Days.of(view, rule, on);
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
                boolean failed = document.checks().stream()
                                .anyMatch(k -> !k.passed() && k.line() == line && k.column() == column)
                        || document.errors().stream()
                                .anyMatch(f -> f.line() == line && f.fromColumn() <= column && column <= f.toColumn());
                boolean repaired = false;
                for (Repair r : document.repairs()) repaired |= r.line() == line && r.column() == column;
                cells.add(new Cell(text.charAt(c), failed, repaired));
            }
            lines.add(cells);
        }
        return lines;
    }
}
