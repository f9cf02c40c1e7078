package org.orderly.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final String[] PARTS = {
        "abdul",
        "rahman",
        "haddad",
        "maria",
        "jose",
        "fernandez",
        "viktor",
        "orlov",
        "li",
        "ning",
        "wang",
        "kim",
        "sang",
        "hyun",
        "al",
        "bin",
        "orlova",
        "fernandes",
        "abdulrahman"
    };

    @TempDir
    Path dir;

    @Test
    void aReopenedIndexGivesTheSameHitsAsABuiltOne() throws IOException {
        Random random = new Random(7);
        List<Watchlist> lists = List.of(list(random, 400));
        Screener built = new Screener(lists);
        Path file = save(built, dir.resolve("list.index"));
        Screener reopened = new Screener(lists, new NameComparator(), file);
        int hits = 0;
        for (int q = 0; q < 300; q++) {
            PersonDetails query = new PersonDetails(
                    name(random), random.nextBoolean() ? null : BirthDate.ofYear(1960 + random.nextInt(30)), null);
            List<String> expected = ids(built.screen(query));
            assertThat(ids(reopened.screen(query)))
                    .as("hits for %s", query.name())
                    .isEqualTo(expected);
            hits += expected.size();
        }
        assertThat(hits).as("the queries find listed persons").isGreaterThan(100);
    }

    @Test
    void anIndexSavedForOtherNamesIsRefused() throws IOException {
        Path file = save(new Screener(List.of(list(new Random(1), 50))), dir.resolve("list.index"));
        assertThatThrownBy(() -> new Screener(List.of(list(new Random(2), 50)), new NameComparator(), file))
                .isInstanceOf(SavedIndexException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("other names");
    }

    @Test
    void aDamagedOrForeignFileIsRefused() throws IOException {
        List<Watchlist> lists = List.of(list(new Random(3), 50));
        Path file = save(new Screener(lists), dir.resolve("list.index"));
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.index");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new Screener(lists, new NameComparator(), cut))
                .isInstanceOf(SavedIndexException.class)
                .hasMessageContaining("damaged");
        Path foreign = dir.resolve("watchlist.csv");
        Files.writeString(foreign, "id,name\n1,Someone\n");
        assertThatThrownBy(() -> new Screener(lists, new NameComparator(), foreign))
                .isInstanceOf(SavedIndexException.class)
                .hasMessageContaining("not a saved Orderly screening index");
    }

    /**
     * Every byte changed, at positions all over the file, and the file cut at many lengths or lengthened: each is refused
     * with the reason (the header's own check for its first bytes, the checksum over the whole file for the rest), never
     * used and never failing otherwise.
     */
    @Test
    void aChangedByteAnywhereOrACutFileIsRefusedWithTheReason() throws IOException {
        List<Watchlist> lists = List.of(list(new Random(5), 300));
        byte[] bytes = Files.readAllBytes(save(new Screener(lists), dir.resolve("list.index")));
        long seed = 20261206L;
        Random random = new Random(seed);
        int header = "orderly-screening-index".length();
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < header + 12; p++) positions.add(p);
        for (int p = bytes.length - 8; p < bytes.length; p++) positions.add(p);
        for (int i = 0; i < 400; i++) positions.add(random.nextInt(bytes.length));
        Path changed = dir.resolve("changed.index");
        for (int position : positions) {
            byte[] copy = bytes.clone();
            copy[position] ^= (byte) (1 + random.nextInt(255));
            Files.write(changed, copy);
            String reason = position < header
                    ? "not a saved Orderly screening index"
                    : position < header + 4 ? "written in layout" : "checksum does not match";
            assertThatThrownBy(() -> new Screener(lists, new NameComparator(), changed))
                    .as("byte %d of %d changed (seed %d)", position, bytes.length, seed)
                    .isInstanceOf(SavedIndexException.class)
                    .hasMessageContaining(changed.toString())
                    .hasMessageContaining(reason);
        }
        Path cut = dir.resolve("cut.index");
        List<Integer> lengths =
                new ArrayList<>(List.of(header + 4, header + 8, bytes.length - 1, bytes.length - 4, bytes.length - 5));
        for (int i = 0; i < 100; i++) lengths.add(header + 4 + random.nextInt(bytes.length - header - 4));
        for (int length : lengths) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> new Screener(lists, new NameComparator(), cut))
                    .as("cut to %d of %d bytes (seed %d)", length, bytes.length, seed)
                    .isInstanceOf(SavedIndexException.class)
                    .hasMessageContaining("damaged");
        }
        Files.write(cut, Arrays.copyOf(bytes, bytes.length + 16));
        assertThatThrownBy(() -> new Screener(lists, new NameComparator(), cut))
                .isInstanceOf(SavedIndexException.class)
                .hasMessageContaining("checksum does not match");
        assertThat(new Screener(lists, new NameComparator(), save(new Screener(lists), changed)).size())
                .as("the unchanged file still opens")
                .isEqualTo(300);
    }

    private static Path save(Screener screener, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            screener.saveIndex(out);
        }
        return file;
    }

    private static Watchlist list(Random random, int size) {
        List<PersonEntry> persons = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            persons.add(new PersonEntry(
                    "p" + i,
                    name(random),
                    List.of(),
                    random.nextBoolean() ? null : BirthDate.ofYear(1960 + random.nextInt(30)),
                    null));
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
