package org.orderly.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayPlan;
import org.orderly.border.stay.StayRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The short-stay calculator: days used, left and overstayed on a date, or the longest stay from an entry date. */
@Command(
        name = "stay",
        mixinStandardHelpOptions = true,
        description =
                "Count days of stay as the Schengen Borders Code counts them (N days in any M, backwards from each day, "
                        + "entry and exit days included): control on a date, or plan an entry.")
final class StayCommand implements Runnable {
    @Option(
            names = "--rule",
            defaultValue = "90/180",
            description =
                    "N/M: at most N days in any M-day window (default ${DEFAULT-VALUE}); "
                            + "or a crossing's rule code: Nd (N days per entry), visa:FROM..UNTIL:ENTRIES:DAYS/WINDOW, not-counted:TITLE[:UNTIL]")
    String rule;

    @Option(
            names = "--stay",
            description =
                    "a past or current stay FROM..TO, or FROM.. while still open (ISO dates); repeat for each stay")
    List<String> stays = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Question question;

    static final class Question {
        @Option(
                names = "--on",
                required = true,
                description = "control on this date: days used, overstay days, days left")
        LocalDate on;

        @Option(
                names = "--enter",
                required = true,
                description = "plan an entry on this date: the longest stay and its last legal day")
        LocalDate enter;
    }

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public void run() {
        StayRule stayRule = StayRuleCodes.parse(rule);
        StayHistory history = StayHistory.of(stays.stream().map(Stay::parse).toList());
        if (question.on != null) {
            StayControl control = StayAccounting.control(stayRule, history, question.on);
            if (json) {
                Json.print(control);
                return;
            }
            System.out.printf("On %s under %s: %d days used%n", control.on(), control.rule(), control.daysUsed());
            if (control.overstaying()) {
                System.out.printf(
                        "  OVERSTAY: %d days past the limit; no further day may be stayed%n", control.overstayDays());
            } else if (control.daysLeft() == null) {
                System.out.println("  no limit on the days of stay under this title");
            } else {
                System.out.printf(
                        "  %d more days may be stayed from %s (last legal day %s)%n",
                        control.daysLeft(), control.on().plusDays(1), control.lastLegalDay());
            }
        } else {
            StayPlan plan = StayAccounting.plan(stayRule, history, question.enter);
            if (json) {
                Json.print(plan);
                return;
            }
            if (plan.maxStayDays() == null) {
                System.out.printf("Entering on %s under %s: no limit on the days of stay%n", plan.entry(), plan.rule());
            } else if (plan.maxStayDays() == 0) {
                System.out.printf(
                        "Entering on %s under %s: no day may be stayed (the window is full)%n",
                        plan.entry(), plan.rule());
            } else {
                System.out.printf(
                        "Entering on %s under %s: up to %d days, the last legal day %s%n",
                        plan.entry(), plan.rule(), plan.maxStayDays(), plan.lastLegalDay());
            }
        }
    }
}
