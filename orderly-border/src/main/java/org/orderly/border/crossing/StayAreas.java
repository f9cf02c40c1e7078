package org.orderly.border.crossing;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommonFrontier;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;

/**
 * Whose stay a crossing belongs to: by default the state's own (each state's entries and exits make its stays, and
 * only its own exits end them); for a state that keeps a {@link CommonFrontier} on the crossing's day, the stay of the
 * whole area, named by the instrument (a German entry and a French exit end one Schengen stay; an exit from the United
 * States ends none). Taken from the registry's participations, with their dates: a state joins the area on the day its
 * participation binds it, not before. Immutable and serialisable, so that a stream job can key crossings with it.
 */
public final class StayAreas implements Serializable {
    private static final long serialVersionUID = 1L;
    /** No common frontier: every state keeps its own stays. */
    public static final StayAreas NONE = new StayAreas(Map.of());

    /** A state's part in an area from {@code from} (inclusive, null: always) to {@code until} (exclusive, null: open). */
    record Membership(String area, LocalDate from, LocalDate until) implements Serializable {
        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
        }
    }

    private final Map<String, List<Membership>> byState;

    private StayAreas(Map<String, List<Membership>> byState) {
        this.byState = Map.copyOf(byState);
    }

    /** The areas of the registry's common-frontier commitments, each state's part dated by its participation. */
    public static StayAreas of(Registry registry) {
        Map<String, List<Membership>> byState = new HashMap<>();
        for (Commitment commitment : registry.commitments()) {
            if (!(commitment instanceof CommonFrontier frontier)
                    || frontier.term().pending()) continue;
            Instrument instrument = registry.instrument(frontier.instrumentId()).orElse(null);
            if (instrument == null) continue;
            LocalDate opens = later(frontier.term().from(), instrument.inForce());
            if (opens == null) continue;
            java.util.Set<String> listed = frontier.scope()
                    .match(
                            reciprocal -> null,
                            directed -> directed.grantors().contains(Scope.PARTIES) ? null : directed.grantors());
            for (Participation participation : registry.participationsIn(instrument.id())) {
                if (!participation.status().binds() || (listed != null && !listed.contains(participation.partyId())))
                    continue;
                // A participation known only by its year binds for certain from the next 1 January
                // (Participation.effectiveOn).
                LocalDate since = participation.since() == null
                        ? null
                        : participation.sincePrecision() == Participation.Precision.YEAR
                                ? participation.since().plusYears(1)
                                : participation.since();
                LocalDate from = later(since, opens);
                LocalDate until = earlier(participation.until(), frontier.term().until());
                if (until != null && !from.isBefore(until)) continue;
                byState.computeIfAbsent(participation.partyId(), s -> new ArrayList<>())
                        .add(new Membership(instrument.id(), from, until));
            }
        }
        byState.replaceAll((state, list) -> List.copyOf(list));
        return new StayAreas(byState);
    }

    /** The area whose stay a crossing of {@code state} on {@code day} belongs to: the common frontier's instrument, or the state. */
    public String area(String state, LocalDate day) {
        List<Membership> memberships = byState.get(state);
        return memberships == null ? state : area(state, memberships, day);
    }

    private static String area(String state, List<Membership> memberships, LocalDate day) {
        for (Membership membership : memberships) {
            if (membership.covers(day)) return membership.area();
        }
        return state;
    }

    /** The area of a crossing (its day reckoned only for a state that is in an area: the stream keys every crossing by it). */
    public String area(Crossing crossing) {
        List<Membership> memberships = byState.get(crossing.state());
        return memberships == null ? crossing.state() : area(crossing.state(), memberships, crossing.day());
    }

    /** The key of the stays a crossing counts in: its area and its traveller (what the ledger and the stream job key by). */
    public String stayKey(Crossing crossing) {
        return area(crossing) + KEY_SEPARATOR + crossing.traveller();
    }

    /** The traveller of a {@link #stayKey}. */
    public static String traveller(String stayKey) {
        return stayKey.substring(stayKey.indexOf(KEY_SEPARATOR) + 1);
    }

    private static final char KEY_SEPARATOR = '|';

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
