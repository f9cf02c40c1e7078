package org.orderly.monitoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public data sets beside the project; tests that need them skip with a message when they are absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String relative) {
        Path path = Path.of(System.getProperty("orderly.shared.data", "../shared/data")).resolve(relative);
        assumeTrue(Files.isRegularFile(path), "../shared/data is absent (" + relative + " not found): skipping a test on the real data");
        return path;
    }
}
