package org.orderly.travel.channel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.orderly.travel.channel.occupation.EscoOccupations;

/** The real ESCO files in ../shared/data/occupations, read once; tests that need them skip when they are absent. */
public final class Esco {
    private static EscoOccupations occupations;

    private Esco() {
    }

    public static Path folder() {
        Path folder = Path.of(System.getProperty("orderly.shared.data", "../shared/data")).resolve("occupations");
        assumeTrue(Files.isRegularFile(folder.resolve(EscoOccupations.OCCUPATIONS_FILE)),
                "../shared/data/occupations is absent: skipping a test on the real ESCO files");
        return folder;
    }

    public static synchronized EscoOccupations occupations() {
        Path folder = folder();
        if (occupations == null) occupations = EscoOccupations.read(folder);
        return occupations;
    }
}
