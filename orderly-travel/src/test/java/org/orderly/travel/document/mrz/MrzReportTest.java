package org.orderly.travel.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MrzReportTest {

    @Test
    void reportNamesEveryFieldCheckFindingAndRepair() {
        String[] zone = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<11"
        };

        String text = MrzReport.text(
                MrzReader.on(LocalDate.of(2026, 11, 23)).withRepair(true).read(zone));

        assertThat(text)
                .contains(
                        "primary identifier: ERIKSSON\n",
                        "secondary identifier: ANNA MARIA\n",
                        "birth date: 1974-08-12\n",
                        "check birthDate: passed",
                        "check composite: FAILED (expected 0, found 1 at line 2 column 44)",
                        "valid: false\n",
                        "warning EXPIRED at line 2 columns 22-27",
                        "repaired line 2 column 16: O -> 0 (confirmed by birthDate)");
    }
}
