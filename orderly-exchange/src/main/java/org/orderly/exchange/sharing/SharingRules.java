package org.orderly.exchange.sharing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.DataSharing;
import org.orderly.regime.Rulebook;

/**
 * Decides transfers of personal data by the rulebook of the day: a state passes a dataset to another only
 * where a {@link DataSharing} commitment in force, owed by the sender to the receiver, covers that dataset
 * and purpose; only the fields it lists go, the others are removed; anything else is refused with the reason.
 */
public final class SharingRules {
    private SharingRules() {}

    public static TransferDecision decide(Rulebook rulebook, TransferRequest request) {
        String what = request.dataset() + " from " + request.from() + " to " + request.to();
        if (request.from().equals(request.to())) {
            return new TransferDecision.Refused("a state does not transfer its own data to itself");
        }
        List<DataSharing> sharing = rulebook.between(request.from(), request.to()).stream()
                .filter(c -> c instanceof DataSharing)
                .map(c -> (DataSharing) c)
                .filter(d -> d.dataset().equalsIgnoreCase(request.dataset()))
                .toList();
        if (sharing.isEmpty()) {
            return new TransferDecision.Refused("no DataSharing commitment in force on " + rulebook.date() + " lets "
                    + request.from() + " pass " + request.dataset() + " to " + request.to());
        }
        String purpose = request.purpose().toLowerCase(Locale.ROOT);
        List<DataSharing> forPurpose = sharing.stream()
                .filter(d -> d.purposes().stream().anyMatch(p -> p.equalsIgnoreCase(purpose)))
                .toList();
        if (forPurpose.isEmpty()) {
            Set<String> covered = new TreeSet<>();
            sharing.forEach(d -> covered.addAll(d.purposes()));
            return new TransferDecision.Refused("the commitments in force cover " + what + " for "
                    + String.join(", ", covered) + ", not for " + request.purpose());
        }
        DataSharing best = forPurpose.stream()
                .max(Comparator.comparingInt(
                                (DataSharing d) -> covered(d, request.fields()).size())
                        .thenComparing(DataSharing::retentionDays, Comparator.reverseOrder()))
                .orElseThrow();
        Set<String> allowed = covered(best, request.fields());
        Set<String> removed = new TreeSet<>(request.fields());
        removed.removeAll(allowed);
        if (allowed.isEmpty()) {
            return new TransferDecision.Refused("the commitment under " + best.instrumentId() + " covers the fields "
                    + String.join(", ", new TreeSet<>(best.fields())) + ", none of those asked for");
        }
        return new TransferDecision.Allowed(
                best.instrumentId(),
                allowed,
                removed,
                best.retentionDays(),
                what + " for " + request.purpose() + " under " + best.instrumentId() + ": " + allowed.size()
                        + " field(s) allowed"
                        + (removed.isEmpty() ? "" : ", removed: " + String.join(", ", removed))
                        + "; kept at most " + best.retentionDays() + " days");
    }

    private static Set<String> covered(DataSharing sharing, Set<String> asked) {
        Set<String> out = new TreeSet<>();
        for (String field : asked) {
            if (sharing.fields().stream().anyMatch(f -> f.equalsIgnoreCase(field))) out.add(field);
        }
        return out;
    }

    /** A record with only the allowed fields, in its own order. */
    public static Map<String, Object> filter(Map<String, Object> record, Set<String> allowed) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((field, value) -> {
            if (allowed.contains(field)) out.put(field, value);
        });
        return out;
    }
}
