package org.orderly.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Source;

class ReportedValueTest {
    private static final Source SOURCE = new Source(
            "National statistics office, annual report", "https://example.org/report", LocalDate.of(2025, 3, 1));

    private static ReportedValue reported(double value, String period) {
        return new ReportedValue("visa-openness", "DEU", period, value, SOURCE, "deu-clerk", Instant.EPOCH);
    }

    private static IndicatorValue computed(double value) {
        return new IndicatorValue("visa-openness", "DEU", "2025", value, null, "", List.of());
    }

    @Test
    void aPeriodIsAYearOrACalendarDateAndTheErrorNamesTheField() {
        assertThat(reported(1, " 2024 ").period()).isEqualTo("2024");
        assertThat(reported(1, "2024-02-29").period()).isEqualTo("2024-02-29");
        assertThatThrownBy(() -> reported(1, "2023-02-29"))
                .hasMessageStartingWith("period: ")
                .hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> reported(1, "last year")).hasMessageStartingWith("period: ");
        assertThatThrownBy(() -> reported(1, "")).hasMessageStartingWith("period: missing");
        assertThatThrownBy(() -> reported(Double.NaN, "2024")).hasMessageStartingWith("value: ");
    }

    @Test
    void noComputedValueMeansNoDisagreement() {
        assertThat(reported(5, "2025").disagreesWith(null)).isFalse();
        assertThat(reported(5, "2025")
                        .disagreesWith(IndicatorValue.noRecordsYet("visa-openness", "DEU", "2025", "none")))
                .isFalse();
    }

    @Test
    void aDifferenceDisagreesExactlyWhenItExceedsTheTolerance() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            double computed = random.nextInt(4) == 0
                    ? random.nextInt(200)
                    : (random.nextDouble() - 0.2) * Math.pow(10, random.nextInt(5) - 2);
            double difference = (random.nextDouble() * 2 - 1) * 3 * ReportedValue.tolerance(computed);
            double value = computed + difference;
            boolean expected = Math.abs(value - computed) > Math.max(0.005 * Math.abs(computed), 0.005);
            assertThat(reported(value, "2025").disagreesWith(computed(computed)))
                    .as("seed %d: reported %s against computed %s", seed, value, computed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void oneMoreInACountOfPassportsAlwaysDisagreesAndRoundingToOneDecimalOfAPercentageDoesNot() {
        // Counts of passports: the visa matrix has 199, and below 200 one more is always more than 0.5 % apart.
        for (int count = 0; count < 200; count++) {
            assertThat(reported(count + 1, "2025").disagreesWith(computed(count)))
                    .as("count %d", count)
                    .isTrue();
            assertThat(reported(count, "2025").disagreesWith(computed(count))).isFalse();
        }
        assertThat(reported(6.2, "2025").disagreesWith(computed(6.19))).isFalse();
        assertThat(reported(6.4, "2025").disagreesWith(computed(6.19))).isTrue();
    }
}
