package org.orderly.border.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderly.csv.CsvException;

class CrossingRecordsTest {
    private static final String WHERE = "topic crossings partition 0 offset 17";

    @Test
    void readsOneRecordInTheDocumentedOrderWithTheOptionalColumnsLeftOut() {
        Crossing entry = CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,90/180");
        assertThat(entry).isEqualTo(new Crossing("e1", null, Crossing.Direction.ENTRY, Instant.parse("2025-01-10T09:00:00Z"), "DEU", "FRA-T1",
                "P1", "USA", null, "90/180"));
        assertThat(entry.traveller()).isEqualTo("USA:P1");
        Crossing exit = CrossingRecords.read(WHERE, "x1,EXIT,2025-01-12T09:00:00Z,DEU,\"Frankfurt, Terminal 1\",P1,USA\r\n");
        assertThat(exit.direction()).isEqualTo(Crossing.Direction.EXIT);
        assertThat(exit.crossingPoint()).isEqualTo("Frankfurt, Terminal 1");
        assertThat(exit.rule()).isNull();
    }

    /** Writing then reading gives the crossing back, for crossings with commas, quotes and line breaks in their text. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20_261_201})
    void whatIsWrittenReadsBackAsTheSameCrossing(long seed) {
        Random random = new Random(seed);
        String[] texts = {"FRA-T1", "Frankfurt, Terminal 1", "the \"north\" gate", "two\nlines", " spaced "};
        for (int i = 0; i < 200; i++) {
            boolean entry = random.nextBoolean();
            Crossing crossing = new Crossing("c" + i, random.nextBoolean() ? null : "person-" + random.nextInt(50),
                    entry ? Crossing.Direction.ENTRY : Crossing.Direction.EXIT, Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000) * 1000),
                    "DEU", texts[random.nextInt(texts.length)], "P" + random.nextInt(1000), "USA", random.nextBoolean() ? "BRA" : null,
                    entry ? "90/180" : null);
            String record = CrossingRecords.write(crossing);
            Crossing read = CrossingRecords.read(WHERE, record);
            // The reader strips the space around a cell, as the crossings file does.
            Crossing expected = new Crossing(crossing.id(), crossing.traveller(), crossing.direction(), crossing.at(), crossing.state(),
                    crossing.crossingPoint().strip(), crossing.documentNumber(), crossing.issuingState(), crossing.nationality(), crossing.rule());
            assertThat(read).as("seed %d, record %s", seed, record).isEqualTo(expected);
        }
    }

    @Test
    void aBadCellIsNamedWithThePlaceColumnAndField() {
        CsvException at = catchThrowableOfType(CsvException.class, () -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10 09:00,DEU,FRA-T1,P1,USA,,,90/180"));
        assertThat(at).hasMessage(WHERE + " column 3 (at): '2025-01-10 09:00' is not an ISO-8601 instant such as 2026-01-05T08:30:00Z");
        assertThat(at.column()).isEqualTo(3);
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,in,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA"))
                .hasMessage(WHERE + " column 2 (direction): direction 'in' is not entry or exit");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA"))
                .hasMessageStartingWith(WHERE + " column 10 (rule): a crossing needs its rule");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,999"))
                .hasMessageStartingWith(WHERE + " column 10 (rule): stay rule '999'");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,exit,2025-01-10T09:00:00Z,DEU"))
                .hasMessage(WHERE + " column 5 (crossing_point): the record ends after 4 fields; it needs at least "
                        + "id,direction,at,state,crossing_point,document_number,issuing_state");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,exit,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,,surplus"))
                .hasMessageStartingWith(WHERE + " column 11: the row has 11 fields but the header has 10");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "")).hasMessageStartingWith(WHERE + ": the record is empty");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "x1,exit,2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA\nx2,exit,2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA"))
                .hasMessage(WHERE + ": it holds 2 records; one crossing is one record");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "x1,exit,\"2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA"))
                .hasMessage(WHERE + " column 3 (at): a quoted field opened here is never closed");
    }
}
