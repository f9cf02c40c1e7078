package org.orderly.server.border;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.record.RecordFields;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayRule;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.crossing.CrossingStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The officer's pages on stays, for the state the officer acts for: a traveller's crossings at its border with a
 * calendar of stays and the moving window; its overstay list and unmatched crossings.
 */
@Controller
class StayPages {
    private final CrossingStore ledger;
    private final AuditTrail audit;
    private final CrossingsApi calculator;
    private final RegimeService regime;

    StayPages(CrossingStore ledger, AuditTrail audit, CrossingsApi calculator, RegimeService regime) {
        this.regime = regime;
        this.ledger = ledger;
        this.audit = audit;
        this.calculator = calculator;
    }

    /** The stamp counter's form as typed, shown again with its answer. */
    public record Stamps(String stays, String rule, String on, String enter) {}

    /** One day of the calendar: {@code kind} is {@code stay}, {@code window} (in the window, not stayed), {@code left} (may still be stayed) or {@code out}. */
    record Day(int number, LocalDate date, String kind, boolean today) {}

    /** A month of the calendar, its days from the first. */
    record Month(String label, List<Integer> blanks, List<Day> days) {}

    @GetMapping("/border/stays")
    String stays(
            @RequestParam(required = false) String traveller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enter,
            @RequestParam(required = false) String stamps,
            @RequestParam(required = false) String stampsRule,
            @RequestParam(required = false) String stampsOn,
            @RequestParam(required = false) String stampsEnter,
            Authentication principal,
            Model model) {
        String state = OfficerBorder.own(principal);
        LocalDate date;
        String key;
        try {
            date = on == null ? regime.today() : RegimeService.requireSane("on", on);
            RegimeService.requireSane("enter", enter);
            key = RecordFields.optionalText("traveller", traveller, RecordFields.LONGEST_TEXT);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("traveller", key == null ? "" : key);
        model.addAttribute("on", date);
        model.addAttribute("enter", enter);
        model.addAttribute("view", null);
        model.addAttribute("days", null);
        model.addAttribute("plan", null);
        model.addAttribute("months", List.of());
        if (key != null) {
            audit.record(
                    AuditTrail.Action.CROSSINGS,
                    "crossings",
                    "read the crossings of one traveller at " + state + " (page)");
            CrossingsApi.TravellerView view = CrossingsApi.view(ledger, state, key, date);
            model.addAttribute("view", view);
            if (view.control() != null) {
                BorderPage.Days days = BorderPage.Days.of(view, StayRuleCodes.parse(lastRule(view)), date);
                model.addAttribute("months", calendar(view, days, date));
                model.addAttribute("days", days);
                // Planning under the rule of the latest entry, as the control is counted.
                if (enter != null)
                    model.addAttribute(
                            "plan",
                            StayAccounting.plan(
                                    StayRuleCodes.parse(lastRule(view)), new StayHistory(view.stays()), enter));
            }
        }
        stamps(
                new Stamps(
                        stamps == null ? "" : stamps,
                        stampsRule == null || stampsRule.isBlank() ? "90/180" : stampsRule.strip(),
                        stampsOn == null ? "" : stampsOn.strip(),
                        stampsEnter == null ? "" : stampsEnter.strip()),
                model);
        return "border-stays";
    }

    /**
     * Stays typed from passport stamps (one FROM..TO a line, or FROM.. for a stay still open), counted by the stay
     * calculator of the API: on a control date, or for an entry date. A mistake is shown on the page, naming the line.
     */
    private void stamps(Stamps form, Model model) {
        model.addAttribute("stamps", form);
        model.addAttribute("stampsAnswer", null);
        model.addAttribute("stampsError", null);
        if (form.stays().isBlank()) return;
        try {
            List<String> lines = form.stays()
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
            LocalDate controlOn = form.on().isEmpty() ? null : date("on", form.on());
            LocalDate entering = form.enter().isEmpty() ? null : date("entering on", form.enter());
            if (controlOn == null && entering == null) controlOn = regime.today();
            if (controlOn != null && entering != null)
                throw new IllegalArgumentException("give either a control date or an entry date, not both");
            model.addAttribute(
                    "stampsAnswer",
                    calculator.calculate(new CrossingsApi.StayQuestion(form.rule(), lines, controlOn, entering)));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            // The calculator names the stay by its index from 0; a person counts lines from 1.
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("^stays\\[(\\d+)\\]: ").matcher(message);
            if (m.find()) message = "line " + (Integer.parseInt(m.group(1)) + 1) + ": " + message.substring(m.end());
            model.addAttribute("stampsError", message);
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + RecordFields.quoted(text)
                    + "' is not a date: write it as year-month-day, e.g. 2026-04-01");
        }
    }

    private static String lastRule(CrossingsApi.TravellerView view) {
        return view.crossings().stream()
                .filter(c -> c.rule() != null)
                .reduce((a, b) -> b)
                .map(c -> c.rule())
                .orElse("90/180");
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
    private static List<Month> calendar(CrossingsApi.TravellerView view, BorderPage.Days legal, LocalDate on) {
        StayRule rule = legal.rule();
        int window = rule.match(StayRule.RollingWindow::windowDays, f -> 30, StayRule.VisaTerms::windowDays, n -> 30);
        LocalDate windowStart = on.minusDays(window - 1L);
        // The days the page's own sentence gives: for a holder outside, those of an entry on the day asked (as the
        // border check counts them); for one inside, those after it while the stay goes on.
        LocalDate lastLegal = legal.lastLegalDay();
        LocalDate firstLeft = legal.inside() ? on.plusDays(1) : on;
        LocalDate last = lastLegal != null && lastLegal.isAfter(on) ? lastLegal : on;
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(windowStart);
                !month.isAfter(YearMonth.from(last));
                month = month.plusMonths(1)) {
            List<Day> days = new ArrayList<>();
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                Stay stay = date.isAfter(on)
                        ? null
                        : view.stays().stream()
                                .filter(s -> s.covers(date))
                                .findFirst()
                                .orElse(null);
                String kind = stay != null
                        ? (stay.title().counted() ? "stay" : "not-counted")
                        : lastLegal != null && !date.isBefore(firstLeft) && !date.isAfter(lastLegal)
                                ? "left"
                                : !date.isBefore(windowStart) && !date.isAfter(on) ? "window" : "out";
                days.add(new Day(d, date, kind, date.equals(on)));
            }
            months.add(new Month(
                    month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear(),
                    java.util.stream.IntStream.range(
                                    0, month.atDay(1).getDayOfWeek().getValue() - 1)
                            .boxed()
                            .toList(),
                    days));
        }
        return months;
    }
}
