package org.orderly.monitoring.visa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;

/** Reading a destination's changes between the real Passport Index matrices: policy, a source's relabelling, or the pandemic. */
class DestinationChangesTest {
    private static final String[] SNAPSHOTS = {
        "visa/history/passport-index-tidy-iso3-2022-07-03.csv",
        "visa/history/passport-index-tidy-iso3-2023-08-15.csv",
        "visa/history/passport-index-tidy-iso3-2024-07-02.csv",
        "visa/passport-index-tidy-iso3.csv"
    };

    private static VisaSnapshot read(int i) {
        return VisaSnapshot.read(
                SharedData.file(SNAPSHOTS[i]), SNAPSHOTS[i].contains("history") ? null : LocalDate.of(2025, 1, 12));
    }

    @Test
    void relabellingBetweenEVisaAndVisaOnArrivalIsToldFromPolicyAndCheckedByAPlainRecount() {
        Set<String> relabelled = new TreeSet<>();
        VisaSnapshot previous = read(0);
        for (int i = 1; i < SNAPSHOTS.length; i++) {
            VisaSnapshot before = previous;
            VisaSnapshot after = read(i);
            for (DestinationChanges d : DestinationChanges.of(VisaChanges.between(before, after))) {
                // The plain recount: the destination's listed passports in the newer matrix, and those moved between
                // the two labels.
                long listed = after.requirements().keySet().stream()
                        .filter(p -> p.endsWith("→" + d.destination()))
                        .count();
                long moved = after.requirements().entrySet().stream()
                        .filter(e -> e.getKey().endsWith("→" + d.destination()))
                        .filter(e -> {
                            VisaRequirement old = before.requirements().get(e.getKey());
                            return old != null
                                    && java.util.EnumSet.of(
                                                    old.kind(), e.getValue().kind())
                                            .equals(java.util.EnumSet.of(
                                                    VisaRequirement.Kind.E_VISA, VisaRequirement.Kind.VISA_ON_ARRIVAL));
                        })
                        .count();
                long labelled = before.requirements().entrySet().stream()
                        .filter(e -> e.getKey().endsWith("→" + d.destination()))
                        .filter(e -> e.getValue().kind() == VisaRequirement.Kind.E_VISA
                                || e.getValue().kind() == VisaRequirement.Kind.VISA_ON_ARRIVAL)
                        .count();
                assertThat(d.passportsListed()).isEqualTo((int) listed);
                assertThat(d.reading() == DestinationChanges.Reading.RELABELLING)
                        .as(
                                "%s %s→%s: %d of %d labelled moved",
                                d.destination(), before.date(), after.date(), moved, labelled)
                        .isEqualTo(moved >= 20 && moved >= 0.75 * labelled);
                if (d.reading() == DestinationChanges.Reading.RELABELLING) relabelled.add(d.destination());
            }
            previous = after;
        }
        assertThat(relabelled).as("the relabellings the analyst met").contains("DJI", "KHM", "NGA");
    }

    @Test
    void theEndOfTheCovidBansIsReadAsThePandemicNotAsPolicy() {
        List<DestinationChanges> changes = DestinationChanges.of(VisaChanges.between(read(0), read(1)));
        assertThat(changes).anyMatch(d -> d.reading() == DestinationChanges.Reading.PANDEMIC);
        for (DestinationChanges d : changes) {
            if (d.reading() == DestinationChanges.Reading.PANDEMIC) {
                assertThat(2 * d.counts().getOrDefault(VisaChange.Kind.TEMPORARY_MEASURE, 0))
                        .isGreaterThan(d.changes().size());
            }
        }
    }

    @Test
    void countsAreSaidInWordsInTheOrderOfTheKinds() {
        Map<VisaChange.Kind, Integer> counts = new EnumMap<>(VisaChange.Kind.class);
        counts.put(VisaChange.Kind.IMPOSED, 1);
        counts.put(VisaChange.Kind.LIFTED, 2);
        assertThat(DestinationChanges.inWords(counts)).isEqualTo("2 lifted, 1 imposed");
        assertThat(DestinationChanges.inWords(Map.of())).isEqualTo("no change");
    }
}
