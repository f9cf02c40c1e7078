package org.orderly.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.monitoring.remittance.WdiFile;
import org.orderly.monitoring.visa.ImplementationGap;
import org.orderly.monitoring.visa.ImplementationGaps;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.State;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.testing.SharedData;

class IndicatorComputationTest {

    private static MonitoringInputs realInputs() {
        Registry registry = ReferenceData.load();
        List<VisaSnapshot> snapshots = List.of(
                VisaSnapshot.read(SharedData.file("visa/history/passport-index-tidy-iso3-2023-08-15.csv"), null),
                VisaSnapshot.read(SharedData.file("visa/passport-index-tidy-iso3.csv"), LocalDate.of(2025, 1, 12)));
        return new MonitoringInputs(
                registry,
                snapshots,
                WdiFile.read(SharedData.file("remittances/sending-cost-to-country.xls")),
                WdiFile.read(SharedData.file("remittances/sending-cost-from-country.xls")),
                List.of(),
                LocalDate.of(2025, 1, 12));
    }

    @Test
    void everyIndicatorHasAValueOrAnExplicitNoRecordsYetForEveryState() {
        MonitoringInputs inputs = realInputs();
        List<IndicatorValue> values = IndicatorComputation.compute(inputs);

        for (Indicator indicator : Indicators.ALL) {
            Set<String> covered = new HashSet<>();
            values.stream().filter(v -> v.indicatorId().equals(indicator.id())).forEach(v -> {
                covered.add(v.subject());
                // Without a number: no records, or (implementation gaps) no commitment to measure, never a zero.
                if (!v.recorded()) assertThat(v.note()).matches("(no records yet|no commitment): .+");
                else assertThat(v.provenance()).isNotEmpty();
            });
            if (indicator.subjects() == Indicator.Subjects.STATES) {
                assertThat(covered)
                        .as(indicator.id())
                        .containsAll(inputs.registry().states().stream()
                                .map(State::id)
                                .toList());
            }
        }
        assertThat(values)
                .filteredOn(v -> v.indicatorId().equals("readmission-answered-in-time"))
                .allSatisfy(v -> assertThat(v.value())
                        .as("never a zero standing in for missing records")
                        .isNull());
    }

    @Test
    void recomputingFromTheSameInputsGivesTheSameValues() {
        MonitoringInputs inputs = realInputs();
        assertThat(IndicatorComputation.compute(inputs)).isEqualTo(IndicatorComputation.compute(inputs));
    }

    @Test
    void implementationGapsAreExactlyThePairsWhereAWaiverMeetsAVisaRequirement() {
        Registry registry = ReferenceData.load();
        VisaSnapshot snapshot =
                VisaSnapshot.read(SharedData.file("visa/passport-index-tidy-iso3.csv"), LocalDate.of(2025, 1, 12));
        Rulebook rulebook = Rulebook.compile(registry, snapshot.date());

        List<ImplementationGap> gaps = ImplementationGaps.find(rulebook, snapshot);

        for (ImplementationGap gap : gaps) {
            assertThat(gap.observed().kind().needsVisaOrBarred()).isTrue();
            assertThat(rulebook.between(gap.destination(), gap.passport())).contains(gap.commitment());
        }
        // The other direction: no pair with such a commitment and a visa requirement is missed.
        long expected = 0;
        for (int d = 0; d < rulebook.size(); d++) {
            for (int p = 0; p < rulebook.size(); p++) {
                if (d == p) continue;
                boolean fixes = rulebook.between(d, p).stream()
                        .anyMatch(c -> c instanceof org.orderly.regime.VisaWaiver
                                || c instanceof org.orderly.regime.FreeMovement);
                var observed = snapshot.requirement(rulebook.codeAt(p), rulebook.codeAt(d));
                if (fixes && observed != null && observed.kind().needsVisaOrBarred()) expected++;
            }
        }
        assertThat(gaps).hasSize((int) expected);
    }

    /**
     * Nauru's Schengen waiver (Regulation (EU) 2018/1806, Annex II, footnote on Nauru) applies only from the entry into force of
     * an EU–Nauru visa-waiver agreement; the 2025 matrix says "visa required". Monitoring found the 29 pairs while the registry
     * still recorded the waiver as unconditional; once it is modelled as conditional, no such gap remains.
     */
    @Test
    void theConditionalNauruWaiverIsNoLongerAGapOn2025Data() {
        Registry registry = ReferenceData.load();
        VisaSnapshot snapshot =
                VisaSnapshot.read(SharedData.file("visa/passport-index-tidy-iso3.csv"), LocalDate.of(2025, 1, 12));
        List<ImplementationGap> gaps = ImplementationGaps.find(Rulebook.compile(registry, snapshot.date()), snapshot);
        gaps.forEach(gap -> System.out.println(
                "implementation gap on 2025-01-12: " + gap.destination() + " → " + gap.passport() + ": "
                        + gap.commitment().describe() + " vs " + gap.observed().describe()));
        assertThat(gaps).noneMatch(gap -> gap.passport().equals("NRU"));
    }

    @Test
    void remittanceCostsCarryTheGlobalCompactTarget() {
        List<IndicatorValue> values = IndicatorComputation.compute(realInputs());
        assertThat(values)
                .filteredOn(v -> v.indicatorId().equals("remittance-cost-to") && v.recorded())
                .isNotEmpty()
                .allSatisfy(v -> {
                    assertThat(v.target()).isEqualTo(3.0);
                    assertThat(v.period()).matches("\\d{4}");
                });
    }
}
