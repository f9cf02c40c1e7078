package org.orderly.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * The public data sets beside the project ({@code ../shared/data}): a test that needs one asks here. Where the data is
 * absent the test skips with a message on a developer's machine, and fails where {@value #REQUIRED} is set (CI sets it:
 * there a test on the real files that quietly skips, for a wrong path or a missing file, proves nothing).
 */
public final class SharedData {
    /** The environment variable that turns a missing data set from a skip into a failure. */
    public static final String REQUIRED = "ORDERLY_REQUIRE_SHARED_DATA";

    private SharedData() {}

    /** The data folder: the {@code orderly.shared.data} property the build sets, else {@code ../shared/data} of the checkout. */
    public static Path root() {
        return Path.of(System.getProperty("orderly.shared.data", "../../shared/data"));
    }

    /** The file {@code relative} to the data folder, or the test skips (fails in CI) naming it. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        require(Files.isRegularFile(path), relative + " (a file)");
        return path;
    }

    /** The folder {@code relative} to the data folder, or the test skips (fails in CI) naming it. */
    public static Path folder(String relative) {
        Path path = root().resolve(relative);
        require(Files.isDirectory(path), relative + " (a folder)");
        return path;
    }

    /** Whether {@code relative} is there, for a test that adds checks on the real data to checks of its own (CI: it must be). */
    public static boolean has(String relative) {
        boolean present = Files.exists(root().resolve(relative));
        if (!present && required()) {
            throw absent(relative);
        }
        return present;
    }

    private static void require(boolean present, String what) {
        decide(present, what, required());
    }

    static void decide(boolean present, String what, boolean required) {
        if (present) {
            return;
        }
        if (required) {
            throw absent(what);
        }
        Assumptions.abort("../shared/data is absent (" + what + " not found under " + root()
                + "): skipping a test on the real data");
    }

    private static AssertionFailedError absent(String what) {
        return new AssertionFailedError(REQUIRED + " is set but " + what + " is not under " + root().toAbsolutePath()
                + ": the tests on the real data must run here");
    }

    private static boolean required() {
        String value = System.getenv(REQUIRED);
        return value != null && !value.isBlank() && !value.equals("0");
    }
}
