package org.orderly.server.border;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.record.RecordFields;
import org.orderly.server.regime.RegimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayRule;
import org.orderly.server.audit.AuditTrail;
import org.orderly.store.crossing.CrossingStore;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's pages on stays, for the state the officer acts for: a traveller's crossings at its border with a
 * calendar of stays and the moving window; its overstay list and unmatched crossings.
 */
@Controller
class StayPages {
    private final CrossingStore ledger;
    private final AuditTrail audit;

    StayPages(CrossingStore ledger, AuditTrail audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    /** One day of the calendar: {@code kind} is {@code stay}, {@code window} (in the window, not stayed), {@code left} (may still be stayed) or {@code out}. */
    record Day(int number, LocalDate date, String kind, boolean today) {
    }

    /** A month of the calendar, its days from the first. */
    record Month(String label, List<Integer> blanks, List<Day> days) {
    }

    @GetMapping("/border/stays")
    String stays(@RequestParam(required = false) String traveller,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 Authentication principal, Model model) {
        String state = OfficerBorder.own(principal);
        LocalDate date;
        String key;
        try {
            date = on == null ? TravelQueries.today() : RegimeService.requireSane("on", on);
            key = RecordFields.optionalText("traveller", traveller, RecordFields.LONGEST_TEXT);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("traveller", key == null ? "" : key);
        model.addAttribute("on", date);
        model.addAttribute("view", null);
        model.addAttribute("months", List.of());
        if (key != null) {
            audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the crossings of one traveller at " + state + " (page)");
            CrossingsApi.TravellerView view = CrossingsApi.view(ledger, state, key, date);
            model.addAttribute("view", view);
            if (view.control() != null) model.addAttribute("months", calendar(view, date));
        }
        return "border-stays";
    }

    @GetMapping("/border/overstays")
    String overstays(Authentication principal, Model model) {
        String state = OfficerBorder.own(principal);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the overstay list of " + state + " (page)");
        model.addAttribute("state", state);
        model.addAttribute("alerts", ledger.alerts(state, false, 500));
        model.addAttribute("counts", ledger.alertCounts(state));
        model.addAttribute("unmatched", ledger.unmatched(state, 500));
        return "border-overstays";
    }

    /** The months from the start of the window ending on {@code on} to the last legal day (or {@code on}). */
    private static List<Month> calendar(CrossingsApi.TravellerView view, LocalDate on) {
        StayControl control = view.control();
        String lastRule = view.crossings().stream().filter(c -> c.rule() != null).reduce((a, b) -> b).map(c -> c.rule()).orElse("90/180");
        StayRule rule = StayRuleCodes.parse(lastRule);
        int window = rule.match(StayRule.RollingWindow::windowDays, f -> 30, StayRule.VisaTerms::windowDays, n -> 30);
        LocalDate windowStart = on.minusDays(window - 1L);
        LocalDate last = control.lastLegalDay() != null && control.lastLegalDay().isAfter(on) ? control.lastLegalDay() : on;
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(windowStart); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            List<Day> days = new ArrayList<>();
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                Stay stay = date.isAfter(on) ? null : view.stays().stream().filter(s -> s.covers(date)).findFirst().orElse(null);
                String kind = stay != null ? (stay.title().counted() ? "stay" : "not-counted") : date.isAfter(on) && !date.isAfter(last) ? "left"
                        : !date.isBefore(windowStart) && !date.isAfter(on) ? "window" : "out";
                days.add(new Day(d, date, kind, date.equals(on)));
            }
            months.add(new Month(month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear(),
                    java.util.stream.IntStream.range(0, month.atDay(1).getDayOfWeek().getValue() - 1).boxed().toList(), days));
        }
        return months;
    }
}
