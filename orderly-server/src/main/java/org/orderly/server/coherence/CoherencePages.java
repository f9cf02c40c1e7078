package org.orderly.server.coherence;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.orderly.regime.coherence.CoherenceReport;
import org.orderly.regime.coherence.CoherenceRules;
import org.orderly.regime.coherence.Conflict;
import org.orderly.server.regime.RegimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public coherence page: the registry's conflicts on a date, filtered by severity, rule and party, with the rules checked. */
@Controller
class CoherencePages {
    private final CoherenceService coherence;
    private final RegimeService regime;

    CoherencePages(CoherenceService coherence, RegimeService regime) {
        this.regime = regime;
        this.coherence = coherence;
    }

    @GetMapping("/coherence")
    String page(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String party,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("rules", CoherenceRules.STANDARD.rules());
        model.addAttribute(
                "ruleNames",
                CoherenceRules.STANDARD.rules().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                CoherenceRules.Rule::kind, CoherenceRules.Rule::name)));
        model.addAttribute("severity", severity == null ? "" : severity);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("party", party == null ? "" : party);
        LocalDate on = regime.today();
        model.addAttribute("date", date == null || date.isBlank() ? on.toString() : date);
        try {
            if (date != null && !date.isBlank()) on = parse(date);
            CoherenceReport report = coherence.registry(on).filter(severity, kind, party);
            model.addAttribute("on", on);
            model.addAttribute("conflicts", report.conflicts());
            model.addAttribute("conflictCount", count(report.conflicts(), Conflict.Severity.CONFLICT));
            model.addAttribute("riskCount", count(report.conflicts(), Conflict.Severity.RISK));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("conflicts", List.of());
        }
        return "coherence";
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + date + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static long count(List<Conflict> conflicts, Conflict.Severity severity) {
        return conflicts.stream().filter(c -> c.severity() == severity).count();
    }
}
