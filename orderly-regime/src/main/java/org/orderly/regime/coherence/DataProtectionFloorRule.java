package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.DataSharing;
import org.orderly.regime.Source;
import org.orderly.regime.reference.DataProtectionFloors;

/**
 * A data-sharing commitment whose purposes or retention exceed a floor that binds the sending state. Purposes beyond the
 * floor are a conflict (the floor forbids the sender to transfer for them); a longer retention is a risk (the floor limits
 * the sender's own keeping, which a recipient keeping the data longer defeats, but the recipient's law is not the floor's).
 */
final class DataProtectionFloorRule extends CoherenceRule {
    private static final Source SOURCE = new Source(
            "Data-protection floors that bind the sending state (data-protection-floors.csv)",
            "Each floor names the instrument, dataset, allowed purposes and longest retention with its own source; at present the PNR "
                    + "Directive, Directive (EU) 2016/681, arts 1(2), 11(1) and 12(1)",
            LocalDate.of(2026, 12, 6));

    private final List<DataProtectionFloor> floors;

    DataProtectionFloorRule(List<DataProtectionFloor> floors) {
        super(
                "DATA_SHARING_BEYOND_PROTECTION_FLOOR",
                "data-protection floor",
                "A data-sharing commitment whose retention or purposes exceed a floor that binds the sender.",
                SOURCE);
        this.floors = List.copyOf(floors);
    }

    DataProtectionFloorRule() {
        this(DataProtectionFloors.load());
    }

    @Override
    void check(Bindings on, Consumer<Conflict> found) {
        for (InForce f : on.subjects()) {
            if (!(f.commitment() instanceof DataSharing sharing)) continue;
            for (DataProtectionFloor floor : floors) {
                if (!floor.covers(sharing.dataset())) continue;
                Set<String> senders = new TreeSet<>(f.grantors());
                senders.retainAll(on.bound(floor.instrumentId()));
                if (senders.isEmpty()) continue;
                List<String> beyond = sharing.purposes().stream()
                        .filter(p -> !floor.allows(p))
                        .sorted()
                        .toList();
                boolean longer = sharing.retentionDays() > floor.retentionDays();
                if (beyond.isEmpty() && !longer) continue;
                List<String> why = new ArrayList<>();
                if (!beyond.isEmpty()) {
                    why.add("it serves " + String.join(", ", beyond) + ", which the floor does not allow (only "
                            + String.join(", ", floor.purposes()) + ")");
                }
                if (longer) {
                    why.add("it lets the data be kept " + sharing.retentionDays() + " days, longer than the "
                            + floor.retentionDays() + " the floor allows the sender");
                }
                Set<String> parties = new TreeSet<>(senders);
                parties.addAll(f.beneficiaries());
                found.accept(conflict(
                        beyond.isEmpty() ? Conflict.Severity.RISK : Conflict.Severity.CONFLICT,
                        f.ref().label() + " (" + on.title(f.ref().instrument()) + ") has " + on.names(senders)
                                + " send "
                                + sharing.dataset() + " data to " + on.names(f.beneficiaries()) + ", but "
                                + on.title(floor.instrumentId())
                                + " binds the sender" + (senders.size() == 1 ? "" : "s") + ": " + String.join("; ", why)
                                + ".",
                        List.of(f),
                        parties,
                        List.of(floor.instrumentId()),
                        List.of(floor.source())));
            }
        }
    }
}
