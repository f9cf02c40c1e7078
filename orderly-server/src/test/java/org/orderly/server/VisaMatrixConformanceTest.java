package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderly.testing.SharedData;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With the full visa matrix imported, every pair in the file gets the matrix's requirement back,
 * unless a commitment in force overrides it, in which case the answer names the instrument.
 */
class VisaMatrixConformanceTest extends ServerTest {
    @Autowired
    TravelQueries travel;

    @Test
    void everyPairOfTheMatrixIsAnsweredAsTheMatrixSaysOrByANamedCommitment() throws IOException {
        Path matrix = SharedData.file("visa/passport-index-tidy-iso3.csv");
        List<String> lines = Files.readAllLines(matrix);
        LocalDate on = LocalDate.of(2025, 1, 12);
        List<String> mismatches = new ArrayList<>();
        int overridden = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            TravelAnswer answer = travel.answer(cells[0], cells[1], on, null);
            String requirement = cells[2];
            if (answer.basis().equals("COMMITMENT")) {
                overridden++;
                if (answer.instrumentId() == null || answer.instrumentTitle() == null)
                    mismatches.add("line " + (i + 1) + ": unnamed commitment");
                continue;
            }
            String expected = switch (requirement) {
                case "-1" -> "OWN_COUNTRY";
                case "visa free" -> "VISA_FREE";
                case "visa on arrival" -> "VISA_ON_ARRIVAL";
                case "eta" -> "ELECTRONIC_TRAVEL_AUTHORISATION";
                case "e-visa" -> "E_VISA";
                case "visa required" -> "VISA_REQUIRED";
                case "no admission" -> "NO_ADMISSION";
                default -> "VISA_FREE";
            };
            Integer days = requirement.matches("\\d+") ? Integer.valueOf(requirement) : null;
            if (!answer.category().name().equals(expected) || !java.util.Objects.equals(answer.stayDays(), days)) {
                mismatches.add(
                        "line " + (i + 1) + " " + lines.get(i) + " → " + answer.category() + " " + answer.stayDays());
            }
        }
        assertThat(mismatches)
                .as("pairs answered differently from the matrix without a commitment")
                .isEmpty();
        assertThat(lines.size() - 1).isEqualTo(39_601);
        assertThat(overridden)
                .as("EU free movement and Schengen waivers override some pairs")
                .isGreaterThan(500);
    }
}
