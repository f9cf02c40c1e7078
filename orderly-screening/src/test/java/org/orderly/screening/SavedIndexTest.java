package org.orderly.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.index.SavedIndexException;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;

/** A built index saved and reopened screens exactly as the one built afresh; a file that does not fit is refused. */
class SavedIndexTest {
    private static final String[] PARTS = {"abdul", "rahman", "haddad", "maria", "jose", "fernandez", "viktor", "orlov",
        "li", "ning", "wang", "kim", "sang", "hyun", "al", "bin", "orlova", "fernandes", "abdulrahman"};

    @TempDir
    Path dir;

    @Test
    void aReopenedIndexGivesTheSameHitsAsABuiltOne() throws IOException {
        Random random = new Random(7);
        List<Watchlist> lists = List.of(list(random, 400));
        Screener built = new Screener(lists);
        Path file = dir.resolve("list.index");
        built.saveIndex(file);
        Screener reopened = new Screener(lists, new NameComparator(), file);
        int hits = 0;
        for (int q = 0; q < 300; q++) {
            PersonDetails query = new PersonDetails(name(random), random.nextBoolean() ? null
                    : BirthDate.ofYear(1960 + random.nextInt(30)), null);
            List<String> expected = ids(built.screen(query));
            assertThat(ids(reopened.screen(query))).as("hits for %s", query.name()).isEqualTo(expected);
            hits += expected.size();
        }
        assertThat(hits).as("the queries find listed persons").isGreaterThan(100);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).as("derived from personal data: owner only")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void anIndexSavedForOtherNamesIsRefused() throws IOException {
        Path file = dir.resolve("list.index");
        new Screener(List.of(list(new Random(1), 50))).saveIndex(file);
        assertThatThrownBy(() -> new Screener(List.of(list(new Random(2), 50)), new NameComparator(), file))
                .isInstanceOf(SavedIndexException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("other names");
    }

    @Test
    void aDamagedOrForeignFileIsRefused() throws IOException {
        List<Watchlist> lists = List.of(list(new Random(3), 50));
        Path file = dir.resolve("list.index");
        new Screener(lists).saveIndex(file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.index");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new Screener(lists, new NameComparator(), cut))
                .isInstanceOf(SavedIndexException.class).hasMessageContaining("damaged");
        Path foreign = dir.resolve("watchlist.csv");
        Files.writeString(foreign, "id,name\n1,Someone\n");
        assertThatThrownBy(() -> new Screener(lists, new NameComparator(), foreign))
                .isInstanceOf(SavedIndexException.class).hasMessageContaining("not a saved Orderly screening index");
    }

    private static Watchlist list(Random random, int size) {
        List<PersonEntry> persons = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            persons.add(new PersonEntry("p" + i, name(random), List.of(),
                    random.nextBoolean() ? null : BirthDate.ofYear(1960 + random.nextInt(30)), null));
        }
        return new Watchlist("list", persons, List.of());
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        int parts = 2 + random.nextInt(2);
        for (int p = 0; p < parts; p++) {
            name.append(p == 0 ? "" : " ").append(PARTS[random.nextInt(PARTS.length)]);
        }
        return name.toString();
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.entry().id() + "@" + h.score()).toList();
    }
}
