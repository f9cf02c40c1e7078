package org.orderly.border.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.travel.document.mrz.MrzReader;

/** The officer's verdict and the pasted zone, on the ICAO Doc 9303 TD3 specimen (Anna Maria Eriksson, Utopia). */
class BorderVerdictTest {
    private static final String LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private static final String LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static DocumentView read(String text, LocalDate on) {
        return DocumentView.of(MrzReader.on(on).readText(text));
    }

    @Test
    void anExpiredDocumentStopsTheOfficerAndNoWatchlistIsACautionBesideIt() {
        DocumentView document = read(LINE1 + "\n" + LINE2, LocalDate.of(2026, 1, 1));
        BorderVerdict verdict = BorderVerdict.of(document, List.of(), 0, null, "no border given");
        assertThat(verdict.level()).isEqualTo(BorderVerdict.Level.STOP);
        assertThat(verdict.reasons())
                .anyMatch(r -> r.startsWith("The document is no longer valid"))
                .anyMatch(r -> r.startsWith("No watchlist is loaded"));
    }

    @Test
    void aValidDocumentWithNoListLoadedIsACautionNeverAProceed() {
        // The specimen's zone as the Netherlands would issue it: the state codes carry no check digit.
        DocumentView document = read((LINE1 + "\n" + LINE2).replace("UTO", "NLD"), LocalDate.of(2010, 1, 1));
        BorderVerdict verdict = BorderVerdict.of(document, List.of(), 0, null, "no border given");
        assertThat(verdict.level()).isEqualTo(BorderVerdict.Level.CAUTION);
        assertThat(verdict.reasons())
                .contains("No watchlist is loaded on this server: the holder and the document were not screened.");
    }

    @Test
    void aFailedCheckDigitIsNamedInWords() {
        String wrong = LINE2.substring(0, 9) + "7" + LINE2.substring(10);
        DocumentView document = read(LINE1 + "\n" + wrong, LocalDate.of(2010, 1, 1));
        BorderVerdict verdict = BorderVerdict.of(document, List.of(), 1, null, null);
        assertThat(verdict.level()).isEqualTo(BorderVerdict.Level.STOP);
        assertThat(verdict.reasons())
                .anyMatch(r -> r.startsWith("The check digit of the document number failed (expected 6, found 7"));
    }

    @Test
    void aZonePastedInLowerCaseOnOneLineIsCutIntoItsLinesWithNotes() {
        ZoneText zone = ZoneText.of((LINE1 + LINE2).toLowerCase());
        assertThat(zone.text()).isEqualTo(LINE1 + "\n" + LINE2);
        assertThat(zone.notes())
                .containsExactly(
                        "lower-case letters were read as capitals (a zone is printed in capitals only)",
                        "the zone was pasted as one line of 88 characters and read as 2 lines of 44");
        assertThat(ZoneText.of(LINE1 + "\n" + LINE2).notes()).isEmpty();
        assertThat(ZoneText.of(LINE1 + " " + LINE2).notes())
                .containsExactly(
                        "the zone was pasted as one line of 88 characters and read as 2 lines of 44 (spaces removed)");
    }

    @Test
    void theIcaoSpecimenStopsTheOfficerEvenWhenEverythingElseHolds() {
        DocumentView document = read(LINE1 + "\n" + LINE2, LocalDate.of(2010, 1, 1));
        BorderVerdict verdict = BorderVerdict.of(document, List.of(), 1, null, null);
        assertThat(verdict.level()).isEqualTo(BorderVerdict.Level.STOP);
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("This is a specimen of ICAO Doc 9303"));
        DocumentView issued = read((LINE1 + "\n" + LINE2).replace("UTO", "NLD"), LocalDate.of(2010, 1, 1));
        assertThat(BorderVerdict.of(issued, List.of(), 1, null, null).reasons()).noneMatch(r -> r.contains("specimen"));
    }
}
