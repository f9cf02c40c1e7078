package org.orderly.passengers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.orderly.testing.SharedData;

/** The real carrier messages in {@code ../shared/data/passengers/gtas}, read unmodified; tests skip when they are absent. */
public final class RealMessages {
    private RealMessages() {}

    public static Path directory() {
        SharedData.folder("passengers/gtas/apis");
        SharedData.folder("passengers/gtas/pnr");
        return SharedData.root().resolve("passengers/gtas");
    }

    public static Path file(String relative) {
        return directory().resolve(relative);
    }

    /** Every file of both folders, sorted by name. */
    public static List<Path> all() {
        Path dir = directory();
        try (Stream<Path> apis = Files.list(dir.resolve("apis"));
                Stream<Path> pnr = Files.list(dir.resolve("pnr"))) {
            return Stream.concat(apis, pnr)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
