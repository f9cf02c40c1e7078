package org.orderly.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh ORDERLY_HOME for the commands of one test class (given as -Dorderly.home, with no public data sets), so that
 * they run against their own embedded PostgreSQL as a user's first run does. Register it as a static field with
 * {@code @RegisterExtension}.
 */
final class FreshHome implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private Path path;

    FreshHome(String prefix) {
        this.prefix = prefix;
    }

    /** The home directory, created before the class's first test. */
    Path path() {
        return path;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        path = Files.createTempDirectory(prefix);
        System.setProperty("orderly.home", path.toString());
        // No public data sets: the tests give the commands the files they need.
        System.setProperty("orderly.shared-data", path.resolve("no-shared-data").toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("orderly.home");
        System.clearProperty("orderly.shared-data");
    }
}
