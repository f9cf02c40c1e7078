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
    private static final CrossingIntake FIELDS = CrossingIntake.reference();

    @Test
    void readsOneRecordInTheDocumentedOrderWithTheOptionalColumnsLeftOut() {
        Crossing entry =
                CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,90/180", FIELDS);
        assertThat(entry)
                .isEqualTo(new Crossing(
                        "e1",
                        null,
                        Crossing.Direction.ENTRY,
                        Instant.parse("2025-01-10T09:00:00Z"),
                        "DEU",
                        "FRA-T1",
                        "P1",
                        "USA",
                        null,
                        "90/180"));
        assertThat(entry.traveller()).isEqualTo("USA:P1");
        Crossing exit = CrossingRecords.read(
                WHERE, "x1,EXIT,2025-01-12T09:00:00Z,DEU,\"Frankfurt, Terminal 1\",P1,USA\r\n", FIELDS);
        assertThat(exit.direction()).isEqualTo(Crossing.Direction.EXIT);
        assertThat(exit.crossingPoint()).isEqualTo("Frankfurt, Terminal 1");
        assertThat(exit.rule()).isNull();
    }

    /** Writing then reading gives the crossing back, for crossings with commas and quotes in their text. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20_261_201})
    void whatIsWrittenReadsBackAsTheSameCrossing(long seed) {
        Random random = new Random(seed);
        String[] texts = {"FRA-T1", "Frankfurt, Terminal 1", "the \"north\" gate", " spaced "};
        for (int i = 0; i < 200; i++) {
            boolean entry = random.nextBoolean();
            Crossing crossing = new Crossing(
                    "c" + i,
                    random.nextBoolean() ? null : "person-" + random.nextInt(50),
                    entry ? Crossing.Direction.ENTRY : Crossing.Direction.EXIT,
                    Instant.ofEpochSecond(
                            1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000) * 1000),
                    "DEU",
                    texts[random.nextInt(texts.length)],
                    "P" + random.nextInt(1000),
                    "USA",
                    random.nextBoolean() ? "BRA" : null,
                    entry ? "90/180" : null);
            String record = CrossingRecords.write(crossing);
            Crossing read = CrossingRecords.read(WHERE, record, FIELDS);
            // The reader strips the space around a cell, as the crossings file does.
            Crossing expected = new Crossing(
                    crossing.id(),
                    crossing.traveller(),
                    crossing.direction(),
                    crossing.at(),
                    crossing.state(),
                    crossing.crossingPoint().strip(),
                    crossing.documentNumber(),
                    crossing.issuingState(),
                    crossing.nationality(),
                    crossing.rule());
            assertThat(read).as("seed %d, record %s", seed, record).isEqualTo(expected);
        }
    }

    /**
     * An entry sent without its stay rule gets the one the rulebook gives its nationality at that border on that day, as
     * through the API and a file (issue 27 item 2): visa-free 90/180 for a US national, free movement for a French one.
     */
    @Test
    void anEntryWithoutARuleGetsTheRulebooksRule() {
        assertThat(CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA", FIELDS)
                        .rule())
                .isEqualTo("90/180");
        assertThat(CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,FRA", FIELDS)
                        .rule())
                .isEqualTo("not-counted:free_movement");
        assertThat(CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,AFG,,USA", FIELDS)
                        .rule())
                .as("the nationality, not the issuing state, decides")
                .isEqualTo("90/180");
    }

    @Test
    void aBadCellIsNamedWithThePlaceColumnAndField() {
        CsvException at = catchThrowableOfType(
                CsvException.class,
                () -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10 09:00,DEU,FRA-T1,P1,USA,,,90/180", FIELDS));
        assertThat(at)
                .hasMessage(WHERE
                        + " column 3 (at): '2025-01-10 09:00' is not an ISO-8601 instant such as 2026-01-05T08:30:00Z");
        assertThat(at.column()).isEqualTo(3);
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,in,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA", FIELDS))
                .hasMessage(WHERE + " column 2 (direction): direction 'in' is not entry or exit");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,AFG", FIELDS))
                .hasMessage(WHERE + " column 10 (rule): rule is missing, and the rulebook sets no stay limit for AFG "
                        + "nationals entering DEU on 2025-01-10 (visa required): give the rule, e.g. the visa's terms as "
                        + "visa:FROM..UNTIL:ENTRIES:DAYS/180");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,XXA", FIELDS))
                .hasMessageStartingWith(
                        WHERE + " column 10 (rule): rule is missing, and the rulebook sets no stay limit "
                                + "for XXA nationals entering DEU on 2025-01-10 (XXA is not a state of the registry)");
        assertThatThrownBy(() ->
                        CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,999", FIELDS))
                .hasMessageStartingWith(WHERE + " column 10 (rule): rule is wrong: stay rule '999'");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "e1,exit,2025-01-10T09:00:00Z,DEU", FIELDS))
                .hasMessage(WHERE + " column 5 (crossing_point): the record ends after 4 fields; it needs at least "
                        + "id,direction,at,state,crossing_point,document_number,issuing_state");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,exit,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,,surplus", FIELDS))
                .hasMessageStartingWith(WHERE + " column 11: the row has 11 fields but the header has 10");
        assertThatThrownBy(() -> CrossingRecords.read(WHERE, "", FIELDS))
                .hasMessageStartingWith(WHERE + ": the record is empty");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE,
                        "x1,exit,2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA\nx2,exit,2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA",
                        FIELDS))
                .hasMessage(WHERE + ": it holds 2 records; one crossing is one record");
        assertThatThrownBy(
                        () -> CrossingRecords.read(WHERE, "x1,exit,\"2025-01-12T09:00:00Z,DEU,FRA-T1,P1,USA", FIELDS))
                .hasMessage(WHERE + " column 3 (at): a quoted field opened here is never closed");
    }

    /**
     * The field rules of the registry and ICAO Doc 9303, as a Kafka message (and a file's row: the same reader) meets them:
     * each refusal names the column; what passes is normalised.
     */
    @Test
    void fieldsAreStatesOfTheRegistryIcaoDocumentNumbersAndShortPrintableText() {
        String ok = "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,,90/180";
        assertThat(CrossingRecords.read(WHERE, ok, FIELDS).nationality()).isEqualTo("USA");
        // Germany's ICAO code D is read as DEU; the stateless code XXA is a travel code but no state.
        Crossing german =
                CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,d,FRA-T1,c01x00t47,D,,XXA,90/180", FIELDS);
        assertThat(german.state()).isEqualTo("DEU");
        assertThat(german.issuingState()).isEqualTo("DEU");
        assertThat(german.documentNumber()).isEqualTo("C01X00T47");
        assertThat(german.nationality()).isEqualTo("XXA");
        assertThatThrownBy(() ->
                        CrossingRecords.read(WHERE, "e1,entry,2025-01-10T09:00:00Z,XXA,FRA-T1,P1,USA,,,90/180", FIELDS))
                .hasMessage(WHERE + " column 4 (state): state 'XXA' is not a state in the registry");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA,,Atlantis,90/180", FIELDS))
                .hasMessage(
                        WHERE
                                + " column 9 (nationality): nationality 'Atlantis' is neither a state in the registry nor an ICAO Doc 9303 code");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE,
                        "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1," + "A".repeat(5000) + ",USA,,,90/180",
                        FIELDS))
                .hasMessage(
                        WHERE
                                + " column 6 (document_number): document_number has 5000 characters; a machine-readable zone carries at most 23");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA-T1,P1<2,USA,,,90/180", FIELDS))
                .hasMessageStartingWith(WHERE + " column 6 (document_number): document_number has '<' at position 3");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,entry,2025-01-10T09:00:00Z,DEU,FRA\u0000T1,P1,USA,,,90/180", FIELDS))
                .hasMessage(
                        WHERE
                                + " column 5 (crossing_point): crossing_point holds the control character U+0000 at position 4");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,entry,+999999999-12-31T23:59:59Z,DEU,FRA-T1,P1,USA,,,90/180", FIELDS))
                .hasMessage(
                        WHERE
                                + " column 3 (at): at +999999999-12-31T23:59:59Z is outside the dates Orderly accepts (1800-01-01 to 2199-12-31)");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "e1,entry,-999999999-01-01T00:00:00Z,DEU,FRA-T1,P1,USA,,,90/180", FIELDS))
                .hasMessageContaining("column 3 (at)")
                .hasMessageContaining("outside the dates Orderly accepts");
        assertThatThrownBy(() -> CrossingRecords.read(
                        WHERE, "x".repeat(65) + ",exit,2025-01-10T09:00:00Z,DEU,FRA-T1,P1,USA", FIELDS))
                .hasMessage(WHERE + " column 1 (id): id has 65 characters; at most 64 are kept");
    }
}
