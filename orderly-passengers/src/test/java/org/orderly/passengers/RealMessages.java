package org.orderly.passengers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real carrier messages in {@code ../shared/data/passengers/gtas}, read unmodified; tests skip when they are absent. */
public final class RealMessages {
    private RealMessages() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("orderly.shared.data", "../shared/data"), "passengers", "gtas");
        assumeTrue(Files.isDirectory(dir.resolve("apis")) && Files.isDirectory(dir.resolve("pnr")),
                "the real passenger messages are not in " + dir.toAbsolutePath() + " (../shared/data); skipped");
        return dir;
    }

    public static Path file(String relative) {
        return directory().resolve(relative);
    }

    /** Every file of both folders, sorted by name. */
    public static List<Path> all() {
        Path dir = directory();
        try (Stream<Path> apis = Files.list(dir.resolve("apis")); Stream<Path> pnr = Files.list(dir.resolve("pnr"))) {
            return Stream.concat(apis, pnr).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
