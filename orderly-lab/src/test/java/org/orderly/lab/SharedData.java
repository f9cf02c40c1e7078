package org.orderly.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public data sets beside the project; tests that need them skip with a message when they are absent. */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder, or a skipped test when {@code relative} is not in it. */
    public static Path folder(String relative) {
        Path path = Path.of(System.getProperty("orderly.shared.data", "../shared/data")).resolve(relative);
        assumeTrue(Files.exists(path), "../shared/data is absent (" + relative + " not found): skipping a test on the real data");
        return path;
    }
}
