package org.orderly.monitoring.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.regime.Registry;
import org.orderly.regime.reference.ReferenceData;

/** Quota use, unused places, channels per corridor and openness by origin on the shipped reference data. */
class ChannelIndicatorsTest {
    private static final Registry REGISTRY = ReferenceData.load();
    private static final LocalDate ON = LocalDate.of(2026, 6, 1);
    private static final List<IndicatorValue> VALUES = ChannelIndicators.compute(
            REGISTRY, List.of(new QuotaLedgerTotals("DEU_WESTERN_BALKANS", 2026, 50000, 120, 3, "FIRST_COME")), ON);

    private static IndicatorValue value(String indicator, String subject, String period) {
        return VALUES.stream()
                .filter(v -> v.indicatorId().equals(indicator)
                        && v.subject().equals(subject)
                        && v.period().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + indicator + " for " + subject + " " + period));
    }

    @Test
    void quotaUseAndUnusedPlacesComeFromTheLedgerWithTheirProvenance() {
        IndicatorValue used = value(Indicators.QUOTA_USE.id(), "DEU_WESTERN_BALKANS", "2026");
        assertThat(used.value()).isEqualTo(120.0);
        assertThat(used.target()).isEqualTo(50000.0);
        assertThat(used.note()).contains("120 of 50000 places granted, 3 refused (first come)");
        assertThat(used.provenance())
                .extracting(p -> p.reference())
                .anyMatch(r -> r.contains("quota ledger of DEU_WESTERN_BALKANS"))
                .anyMatch(r -> r.contains("§ 26(2) BeschV"));
        assertThat(value(Indicators.QUOTA_UNUSED.id(), "DEU_WESTERN_BALKANS", "2026")
                        .value())
                .isEqualTo(49880.0);
        // A year the ledger never opened is not a zero: no records yet.
        IndicatorValue unrecorded = value(Indicators.QUOTA_USE.id(), "DEU_WESTERN_BALKANS", "2025");
        assertThat(unrecorded.recorded()).isFalse();
        assertThat(unrecorded.absence()).isEqualTo("no records yet");
        assertThat(value(Indicators.QUOTA_USE.id(), "USA_H1B", "2026").recorded())
                .isFalse();
    }

    @Test
    void corridorsAndOpennessCountTheChannelsOpenToEachNationality() {
        IndicatorValue serbia = value(Indicators.CHANNELS_PER_CORRIDOR.id(), "DEU→SRB", ON.toString());
        assertThat(serbia.note()).isEqualTo("BLUE_CARD_DEU, DEU_SKILLED_ACADEMIC, DEU_WESTERN_BALKANS");
        assertThat(serbia.value()).isEqualTo(3.0);
        assertThat(value(Indicators.CHANNELS_PER_CORRIDOR.id(), "DEU→NGA", ON.toString())
                        .value())
                .isEqualTo(2.0);
        double srb = value(Indicators.LEGAL_CHANNEL_OPENNESS.id(), "SRB", ON.toString())
                .value();
        double nga = value(Indicators.LEGAL_CHANNEL_OPENNESS.id(), "NGA", ON.toString())
                .value();
        double ind = value(Indicators.LEGAL_CHANNEL_OPENNESS.id(), "IND", ON.toString())
                .value();
        assertThat(srb).isEqualTo(nga + 1);
        assertThat(ind).isEqualTo(nga + 1);
        // An EU citizen has free movement in the EU: no Blue Card there, only routes elsewhere.
        assertThat(VALUES)
                .filteredOn(v -> v.indicatorId().equals(Indicators.CHANNELS_PER_CORRIDOR.id())
                        && v.subject().equals("ITA→FRA"))
                .isEmpty();
        assertThat(value(Indicators.LEGAL_CHANNEL_OPENNESS.id(), "FRA", ON.toString())
                        .value())
                .isLessThan(nga);
    }
}
