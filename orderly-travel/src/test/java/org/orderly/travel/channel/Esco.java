package org.orderly.travel.channel;

import java.nio.file.Path;
import org.orderly.testing.SharedData;
import org.orderly.travel.channel.occupation.EscoOccupations;

/** The real ESCO files in ../shared/data/occupations, read once; tests that need them skip when they are absent. */
public final class Esco {
    private static EscoOccupations occupations;

    private Esco() {}

    public static Path folder() {
        return SharedData.file("occupations/" + EscoOccupations.OCCUPATIONS_FILE)
                .getParent();
    }

    public static synchronized EscoOccupations occupations() {
        Path folder = folder();
        if (occupations == null) occupations = EscoOccupations.read(folder);
        return occupations;
    }
}
