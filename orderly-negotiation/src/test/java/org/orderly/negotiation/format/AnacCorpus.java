package org.orderly.negotiation.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.orderly.testing.SharedData;

/** The ANAC scenarios in ../shared/data/negotiation/anac (one folder per scenario); tests skip when the folder is absent. */
public final class AnacCorpus {
    public static final Path ROOT = SharedData.root().resolve("negotiation/anac");

    private AnacCorpus() {}

    /** Skips the calling test, with the reason, when the corpus is not beside the project. */
    public static void assumePresent() {
        SharedData.folder("negotiation/anac");
    }

    /** Every scenario folder (a folder holding XML files), sorted. */
    public static List<Path> scenarios() {
        assumePresent();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isDirectory)
                    .filter(AnacCorpus::holdsXml)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path scenario(String relative) {
        assumePresent();
        return ROOT.resolve(relative);
    }

    private static boolean holdsXml(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.anyMatch(f -> f.toString().endsWith(".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
