package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScreenCommandTest {
    @TempDir
    Path dir;

    Path list;

    @BeforeEach
    void writeWatchlist() throws IOException {
        list = dir.resolve("wanted.csv");
        Files.writeString(list, """
                id,name,aliases,birth_date,nationality
                W1,Viktor Petrovich Orlov,Виктор Орлов;V. Orlov,1971-04-02,RUS
                W2,Abdul Rahman Haddad,,1980,SYR
                W3,Maria Jose Fernandez,,1990-12-24,ESP
                """);
    }

    @Test
    void findsAListedPersonWrittenInAnotherScriptWithTheExplanation() {
        CommandRun run = CommandRun.of(
                "screen",
                "--watchlist",
                list.toString(),
                "--name",
                "Орлов Виктор",
                "--birth-date",
                "1971-04-02",
                "--nationality",
                "RUS");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("→ 1 hit")
                .doesNotContain("hit(s)")
                .contains("wanted #W1")
                .contains("birth_date")
                .contains("nationality");
    }

    @Test
    void aListedNameWithoutReadableLettersIsReportedNotDropped() throws IOException {
        Files.writeString(list, "W9,\"? ? ?\",,,\n", java.nio.file.StandardOpenOption.APPEND);
        CommandRun run = CommandRun.of("screen", "--watchlist", list.toString(), "--name", "Hiroshi Tanaka", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode unreadable = JsonMapper.builder().build().readTree(run.out()).get("unreadableNames");
        assertThat(unreadable.size()).isEqualTo(1);
        assertThat(unreadable.get(0).get("entryId").asString()).isEqualTo("W9");
        assertThat(unreadable.get(0).get("name").asString()).isEqualTo("? ? ?");
    }

    @Test
    void aSavedIndexIsReopenedAndOneForAnotherListRefused() throws IOException {
        Path index = dir.resolve("wanted.index");
        CommandRun saved = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--save-index", index.toString());
        assertThat(saved.status()).as(saved.err()).isZero();
        CommandRun reopened = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--index", index.toString());
        assertThat(reopened.status()).as(reopened.err()).isZero();
        assertThat(reopened.out()).isEqualTo(saved.out()).contains("wanted #W1");
        Files.writeString(list, "W4,Hiroshi Tanaka,,,\n", java.nio.file.StandardOpenOption.APPEND);
        CommandRun stale = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--index", index.toString());
        assertThat(stale.status()).isNotZero();
        assertThat(stale.err()).contains(index.toString()).contains("build it again");
    }

    @Test
    void aSavedIndexIsReadableByItsOwnerOnlyAndNeverWrittenThroughALink() throws IOException {
        Path index = dir.resolve("wanted.index");
        CommandRun saved = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--save-index", index.toString());
        assertThat(saved.status()).as(saved.err()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(index)))
                .as("derived from personal data: owner only")
                .isEqualTo("rw-------");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "untouched\n");
        Path link = Files.createSymbolicLink(dir.resolve("linked.index"), elsewhere);
        CommandRun throughLink = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--save-index", link.toString());
        assertThat(throughLink.status()).isEqualTo(1);
        assertThat(throughLink.err()).contains(link + " is a symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("untouched\n");
    }

    @Test
    void aSavedIndexWithAChangedByteIsRefusedWithTheReason() throws IOException {
        Path index = dir.resolve("wanted.index");
        assertThat(CommandRun.of(
                                "screen",
                                "--watchlist",
                                list.toString(),
                                "--name",
                                "Orlov Viktor",
                                "--save-index",
                                index.toString())
                        .status())
                .isZero();
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(index, bytes);
        CommandRun changed = CommandRun.of(
                "screen", "--watchlist", list.toString(), "--name", "Orlov Viktor", "--index", index.toString());
        assertThat(changed.status()).isNotZero();
        assertThat(changed.err())
                .contains(index.toString())
                .contains("checksum does not match")
                .contains("build it again");
    }

    @Test
    void aStrangerHasNoHit() {
        CommandRun run = CommandRun.of("screen", "--watchlist", list.toString(), "--name", "Hiroshi Tanaka");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("no hit").doesNotContain("#W");
    }

    @Test
    void queriesFileGivesOneResultPerQueryAsJson() throws IOException {
        Path queries = dir.resolve("queries.csv");
        Files.writeString(
                queries,
                "name,birth_date,nationality\nAbdulrahman Haddad,1980,SYR\nHiroshi Tanaka,,JPN\n\"FERNANDEZ, Maria Jose\",,\n");
        CommandRun run =
                CommandRun.of("screen", "--watchlist", list.toString(), "--queries", queries.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(run.out()).get("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).get("hits").get(0).get("entryId").asString()).isEqualTo("W2");
        assertThat(results.get(0).get("hits").get(0).get("explanation").asString())
                .isNotBlank();
        assertThat(results.get(1).get("hits").size()).isZero();
        assertThat(results.get(2).get("hits").get(0).get("entryId").asString()).isEqualTo("W3");
        assertThat(results.get(2).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void queriesAreScreenedAsTheyAreReadAndABadRowStopsAtItsLine() throws IOException {
        Path queries = dir.resolve("stream.csv");
        Files.writeString(
                queries, "name,birth_date,nationality\nAbdulrahman Haddad,1980,SYR\nHiroshi Tanaka,19x0,JPN\n");
        CommandRun run = CommandRun.of("screen", "--watchlist", list.toString(), "--queries", queries.toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.out())
                .as("the result of line 2 is printed before line 3 is read")
                .contains("line 2: Abdulrahman Haddad")
                .contains("wanted #W2");
        assertThat(run.err()).contains("stream.csv:3");
    }

    @Test
    void aHypocorismMatchesWithTheGivenNamesList() throws IOException {
        Path nicknames = SharedData.file("names/nicknames.csv");
        Path carters = dir.resolve("carters.csv");
        Files.writeString(carters, "id,name\nC1,William Carter\n");
        CommandRun without = CommandRun.of("screen", "--watchlist", carters.toString(), "--name", "Bill Carter");
        CommandRun with = CommandRun.of(
                "screen",
                "--watchlist",
                carters.toString(),
                "--name",
                "Bill Carter",
                "--given-names",
                nicknames.toString());
        assertThat(without.out()).contains("no hit");
        assertThat(with.status()).as(with.err()).isZero();
        assertThat(with.out()).contains("carters #C1");
    }

    @Test
    void malformedWatchlistIsRefusedWithFileAndLine() throws IOException {
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "id,name,birth_date\nB1,Anna Berg,1970\nB2,,1971\n");
        CommandRun run = CommandRun.of("screen", "--watchlist", broken.toString(), "--name", "Anna Berg");
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("broken.csv line 3");
    }

    @Test
    void helpSaysWatchlistsArePersonalData() {
        assertThat(Orderly.commandLine().getSubcommands().get("screen").getUsageMessage())
                .contains("personal data");
    }
}
