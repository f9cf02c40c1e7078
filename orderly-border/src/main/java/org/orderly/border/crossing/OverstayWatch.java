package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayPlan;
import org.orderly.border.stay.StayRule;

/**
 * The state machine of a traveller's stays, one crossing at a time in event-time order: a stay decision at each
 * entry, an overstay alert raised once when time passes the last legal day with the traveller still in, cleared by the
 * exit; exits without entry and entries without exit reported. The ledger replays it ({@link #replay}); the stream
 * job calls {@link #onCrossing} and {@link #onTime} from keyed state and event-time timers; a traveller's view reads
 * the stays of the same replay ({@link #stays}), so that what it counts is what the watch counts.
 */
public final class OverstayWatch {
    /** Closed stays older than this many days before the latest crossing are dropped: longer than any window in use. */
    public static final int KEPT_DAYS = 1000;

    private OverstayWatch() {}

    /** A new state and the events of one step; {@link #due()} is when the next alert falls due (null when none). */
    public record Step(TravellerStays state, List<StayEvent> events) {
        public Instant due() {
            TravellerStays.OpenStay open = state.open();
            return open == null || open.raised() ? null : open.due();
        }
    }

    /** Time has reached {@code now}: raises the alert of the open stay if it fell due. */
    public static Step onTime(TravellerStays state, String traveller, Instant now) {
        TravellerStays.OpenStay open = state.open();
        if (open == null || open.raised() || open.due() == null || open.due().isAfter(now))
            return new Step(state, List.of());
        StayEvent raised = new StayEvent.OverstayRaised(
                traveller,
                open.due(),
                open.crossingId(),
                open.nationality(),
                open.rule(),
                day(open.entryAt()),
                open.lastLegalDay());
        return new Step(
                new TravellerStays(
                        state.closed(),
                        new TravellerStays.OpenStay(
                                open.crossingId(),
                                open.entryAt(),
                                open.nationality(),
                                open.rule(),
                                open.lastLegalDay(),
                                open.due(),
                                true)),
                List.of(raised));
    }

    /** The next crossing of the traveller (no earlier than any before it). */
    public static Step onCrossing(TravellerStays state, Crossing crossing) {
        Step timed = onTime(state, crossing.traveller(), crossing.at());
        List<StayEvent> events = new ArrayList<>(timed.events());
        TravellerStays current = timed.state();
        List<Stay> closed = new ArrayList<>(current.closed());
        TravellerStays.OpenStay open = current.open();
        LocalDate day = crossing.day();
        long today =
                day.toEpochDay(); // once, not per stay: days between two dates are the difference of their epoch days
        closed.removeIf(stay -> today - stay.exit().toEpochDay() > KEPT_DAYS);
        if (crossing.direction() == Crossing.Direction.ENTRY) {
            if (open != null) {
                events.add(new StayEvent.EntryWithoutExit(
                        crossing.traveller(), open.entryAt(), open.crossingId(), open.nationality()));
                close(closed, day(open.entryAt()), day(open.entryAt()), StayRuleCodes.parse(open.rule()));
            }
            StayRule rule = StayRuleCodes.parse(crossing.rule());
            StayPlan plan = StayAccounting.plan(rule, new StayHistory(closed), day);
            Instant due = plan.maxStayDays() == null
                    ? null
                    : plan.maxStayDays() == 0 ? crossing.at() : Crossing.startOf(day.plusDays(plan.maxStayDays()));
            events.add(new StayEvent.StayDecision(
                    crossing.traveller(),
                    crossing.at(),
                    crossing.id(),
                    crossing.nationality(),
                    crossing.rule(),
                    day,
                    plan.maxStayDays(),
                    plan.lastLegalDay()));
            Step next = onTime(
                    new TravellerStays(
                            closed,
                            new TravellerStays.OpenStay(
                                    crossing.id(),
                                    crossing.at(),
                                    crossing.nationality(),
                                    crossing.rule(),
                                    plan.lastLegalDay(),
                                    due,
                                    false)),
                    crossing.traveller(),
                    crossing.at());
            events.addAll(next.events());
            return new Step(next.state(), events);
        }
        if (open == null) {
            events.add(new StayEvent.ExitWithoutEntry(
                    crossing.traveller(), crossing.at(), crossing.id(), crossing.nationality()));
            return new Step(new TravellerStays(closed, null), events);
        }
        LocalDate entryDay = day(open.entryAt());
        close(closed, entryDay, day, StayRuleCodes.parse(open.rule()));
        if (open.raised()) {
            int overstay = (int) ChronoUnit.DAYS.between(
                    open.lastLegalDay() == null ? entryDay.minusDays(1) : open.lastLegalDay(), day);
            events.add(new StayEvent.OverstayCleared(
                    crossing.traveller(),
                    crossing.at(),
                    open.crossingId(),
                    crossing.id(),
                    open.nationality(),
                    open.rule(),
                    day,
                    overstay));
        }
        return new Step(new TravellerStays(closed, null), events);
    }

    private static void close(List<Stay> closed, LocalDate entry, LocalDate exit, StayRule rule) {
        append(closed, new Stay(entry, exit, title(rule)));
    }

    /**
     * Adds a stay after the others (an open one only last). Stays sharing a day (an exit and a new entry on the same
     * day) are merged when their titles agree; otherwise the shared day goes to the counted stay when only one counts (an
     * entry or exit day is a day of short stay, Regulation (EU) 2016/399 Art. 6(2)), else to the later stay.
     */
    static void append(List<Stay> stays, Stay stay) {
        Stay last = stays.isEmpty() ? null : stays.get(stays.size() - 1);
        if (last == null || stay.entry().isAfter(last.exit())) {
            stays.add(stay);
        } else if (last.title() == stay.title()) {
            stays.set(
                    stays.size() - 1,
                    new Stay(
                            last.entry().isBefore(stay.entry()) ? last.entry() : stay.entry(),
                            stay.exit() == null ? null : stay.exit().isAfter(last.exit()) ? stay.exit() : last.exit(),
                            stay.title()));
        } else if (last.title().counted() && !stay.title().counted()) {
            LocalDate after = last.exit().plusDays(1);
            if (stay.exit() == null || !stay.exit().isBefore(after))
                stays.add(new Stay(after, stay.exit(), stay.title()));
        } else {
            stays.remove(stays.size() - 1);
            if (stay.entry().isAfter(last.entry()))
                stays.add(new Stay(last.entry(), stay.entry().minusDays(1), last.title()));
            stays.add(stay);
        }
    }

    /** The title a stay rule gives the stays it governs. */
    static Stay.Title title(StayRule rule) {
        return rule.match(
                w -> Stay.Title.SHORT_STAY,
                f -> Stay.Title.SHORT_STAY,
                v -> Stay.Title.SHORT_STAY,
                StayRule.NotCounted::title);
    }

    private static LocalDate day(Instant at) {
        return Crossing.dayOf(at);
    }

    /**
     * One traveller's crossings replayed in event-time order (ties in the order given), then time moved on to
     * {@code now}: the final state and every event.
     */
    public static Step replayTraveller(String traveller, List<Crossing> crossings, Instant now) {
        List<Crossing> ordered = new ArrayList<>(crossings);
        ordered.sort(Comparator.comparing(Crossing::at));
        TravellerStays state = TravellerStays.NONE;
        List<StayEvent> events = new ArrayList<>();
        for (Crossing crossing : ordered) {
            Step step = onCrossing(state, crossing);
            state = step.state();
            events.addAll(step.events());
        }
        Step last = onTime(state, traveller, now);
        events.addAll(last.events());
        return new Step(last.state(), events);
    }

    /**
     * One traveller's stays from its crossings (event-time order, ties in the order given), each with the title its
     * entry's rule gives it, the open one last: the one replay behind the ledger, the stream job and the traveller's view.
     */
    public static StayHistory stays(List<Crossing> crossings) {
        List<Crossing> ordered = new ArrayList<>(crossings);
        ordered.sort(Comparator.comparing(Crossing::at));
        TravellerStays state = TravellerStays.NONE;
        for (Crossing crossing : ordered) state = onCrossing(state, crossing).state();
        return state.history();
    }

    /**
     * The embedded path: every traveller's crossings replayed to {@code now}; the events of each traveller in order,
     * travellers in order of first appearance.
     */
    public static List<StayEvent> replay(List<Crossing> crossings, Instant now) {
        Map<String, List<Crossing>> byTraveller = new LinkedHashMap<>();
        for (Crossing crossing : crossings)
            byTraveller
                    .computeIfAbsent(crossing.traveller(), t -> new ArrayList<>())
                    .add(crossing);
        List<StayEvent> all = new ArrayList<>();
        for (Map.Entry<String, List<Crossing>> entry : byTraveller.entrySet()) {
            all.addAll(replayTraveller(entry.getKey(), entry.getValue(), now).events());
        }
        return all;
    }
}
