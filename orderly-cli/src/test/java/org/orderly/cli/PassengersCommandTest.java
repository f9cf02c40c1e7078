package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PassengersCommandTest {
    @TempDir
    Path dir;

    private static Path real(String name) {
        return SharedData.file("passengers/gtas/" + name);
    }

    @Test
    void parseJsonGivesTravellersOnceEachBookingsCountsAndWarnings() {
        CommandRun run = CommandRun.of(
                "passengers", "parse", "--json", real("pnr/3_pnrs.edi").toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.get("messageType").asString()).isEqualTo("PNRGOV");
        assertThat(doc.get("travellers").size()).isEqualTo(13);
        assertThat(doc.get("travellers").get(0).get("surname").asString()).isEqualTo("VANDENBERG");
        assertThat(doc.get("travellers").get(0).get("birthDate").asString()).isEqualTo("1980-07-04");
        assertThat(doc.get("travellers")
                        .get(0)
                        .get("documents")
                        .get(0)
                        .get("number")
                        .asString())
                .isEqualTo("548721687");
        assertThat(doc.get("bookings").size()).isEqualTo(3);
        assertThat(doc.get("bookings").get(0).get("recordLocator").asString()).isEqualTo("W9TEND");
        assertThat(doc.get("counts").get("infants").asInt()).isEqualTo(1);
        assertThat(doc.get("errors").size()).isZero();
        assertThat(doc.has("warnings")).isTrue();
    }

    @Test
    void parseTextOfAPaxlstWithWarningsExitsZero() {
        CommandRun run =
                CommandRun.of("passengers", "parse", real("apis/airline2.edi").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("PAXLST D:02B")
                .contains("travellers (10):")
                .contains("BETTON, DAVID")
                .contains("136 passengers; 10 were read")
                .doesNotContain("bookings (");
    }

    @Test
    void anUnreadableFileExitsNonZeroWithSegmentNumberAndTag() throws IOException {
        Path bad = dir.resolve("bad.edi");
        Files.writeString(bad, "UNB+UNOA:4+X'UNH+1+CUSRES:D:05B:UN'UNT+2+1'UNZ+1'");
        CommandRun run = CommandRun.of("passengers", "parse", bad.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("bad.edi").contains("segment 2 (UNH)").contains("neither PAXLST nor PNRGOV");
        CommandRun json = CommandRun.of("passengers", "parse", "--json", bad.toString());
        assertThat(json.status()).isNotZero();
        JsonNode doc = JsonMapper.builder().build().readTree(json.out());
        assertThat(doc.get("errors").get(0).get("segment").asInt()).isEqualTo(2);
        assertThat(doc.get("errors").get(0).get("tag").asString()).isEqualTo("UNH");
    }

    @Test
    void assessFindsAListedTravellerWithTheExplanation() throws IOException {
        Path list = dir.resolve("wanted.csv");
        Files.writeString(
                list, "id,name,aliases,birth_date,nationality\nW1,Kevin Michael Vandenberg,,1980-07-04,USA\n");
        CommandRun run = CommandRun.of(
                "passengers", "assess", real("pnr/3_pnrs.edi").toString(), "--watchlist", list.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        JsonNode first = doc.get("travellers").get(0);
        assertThat(first.get("name").asString()).contains("VANDENBERG");
        assertThat(first.get("findings").get(0).get("kind").asString()).isEqualTo("WATCHLIST");
        assertThat(first.get("findings").get(0).get("reference").asString()).isEqualTo("wanted #W1");
        assertThat(doc.get("travellersWithHits").asInt()).isGreaterThanOrEqualTo(1);
    }
}
