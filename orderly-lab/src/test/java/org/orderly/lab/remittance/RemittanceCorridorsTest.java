package org.orderly.lab.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.orderly.lab.LabFixtures;
import org.orderly.monitoring.Provenance;
import org.orderly.monitoring.remittance.WdiSeries;

class RemittanceCorridorsTest {

    @Test
    void eachOriginsReceiptsAreSplitByItsEmigrantStocksAndPricedAtTheCostOfSendingToIt() {
        // MAR receives 100 (2021); its emigrants: 3 in DEU, 1 in FRA. Sending to MAR costs 6 %; DEU (2020) is known
        // only as a sender at 4 %.
        List<String> codes = List.of("DEU", "FRA", "MAR");
        double nan = Double.NaN;
        double[] stocks = {nan, 0, 0, 0, nan, 0, 3, 1, nan};
        RemittanceData data = new RemittanceData(
                series("BX.TRF.PWKR.CD.DT", Map.of("MAR", year(2021, 100), "DEU", year(2022, 50))),
                series("SI.RMT.COST.IB.ZS", Map.of("MAR", year(2021, 6))),
                series("SI.RMT.COST.OB.ZS", Map.of("DEU", year(2020, 4))));
        RemittanceCorridors corridors = RemittanceCorridors.allocate(codes, stocks, null, data, null);
        assertThat(corridors.corridors()).hasSize(2);
        RemittanceCorridor fromGermany = corridors.corridors().get(0);
        assertThat(fromGermany.origin()).isEqualTo("MAR");
        assertThat(fromGermany.destination()).isEqualTo("DEU");
        assertThat(fromGermany.amount()).isCloseTo(75, within(1e-9));
        assertThat(fromGermany.costPercent()).isEqualTo(6);
        assertThat(fromGermany.costBasis()).isEqualTo("average cost of sending to MAR (2021)");
        assertThat(fromGermany.fees()).isCloseTo(4.5, within(1e-9));
        assertThat(fromGermany.feesAtTarget()).isCloseTo(2.25, within(1e-9));
        assertThat(fromGermany.saving()).isCloseTo(2.25, within(1e-9));
        assertThat(corridors.corridors().get(1).amount()).isCloseTo(25, within(1e-9));
        StateRemittances morocco = corridors.states().get("MAR");
        assertThat(morocco.received()).isCloseTo(100, within(1e-9));
        assertThat(morocco.feesOnReceived()).isCloseTo(6, within(1e-9));
        assertThat(corridors.states().get("DEU").sent()).isCloseTo(75, within(1e-9));
        assertThat(corridors.states().get("DEU").received())
                .as("Germany's emigrants are not in these stocks")
                .isZero();
        assertThat(corridors.target()).isEqualTo(3.0);
    }

    @Test
    void onTheRealFilesEveryOriginsCorridorsAddUpToWhatTheWorldBankSaysItReceived() {
        var lab = LabFixtures.lab();
        RemittanceCorridors corridors = lab.remittances(LocalDate.of(2026, 1, 1));
        WdiSeries received = lab.remittances().received();
        assertThat(corridors.receivedYear()).isEqualTo(2022);
        int checked = 0;
        for (StateRemittances state : corridors.states().values()) {
            if (state.received() == 0) continue;
            SortedMap<Integer, Double> values = received.of(state.state());
            assertThat(state.received())
                    .as(state.state())
                    .isCloseTo(values.get(values.lastKey()), within(1e-6 * values.get(values.lastKey())));
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
        RemittanceCorridor mexicoUsa = corridors.corridors().stream()
                .filter(c -> c.origin().equals("MEX") && c.destination().equals("USA"))
                .findFirst()
                .orElseThrow();
        assertThat(mexicoUsa.amount() / corridors.states().get("MEX").received())
                .as("most Mexican emigrants live in the United States")
                .isGreaterThan(0.9);
        assertThat(mexicoUsa.costPercent()).isNotNull();
        assertThat(corridors.corridors()).allSatisfy(c -> assertThat(c.saving()).isGreaterThanOrEqualTo(0));
    }

    private static SortedMap<Integer, Double> year(int year, double value) {
        return new TreeMap<>(Map.of(year, value));
    }

    private static WdiSeries series(String code, Map<String, SortedMap<Integer, Double>> values) {
        Map<String, String> names = new TreeMap<>();
        values.keySet().forEach(c -> names.put(c, c));
        return new WdiSeries(
                code,
                code,
                "World Bank",
                LocalDate.of(2023, 5, 10),
                names,
                Set.of(),
                values,
                Provenance.file(code + ".xls", "", LocalDate.of(2023, 5, 10)));
    }
}
