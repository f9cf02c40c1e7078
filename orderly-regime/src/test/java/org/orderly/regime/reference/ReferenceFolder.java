package org.orderly.regime.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A copy of the shipped reference files in a folder, for tests that break one line and read the folder. */
public final class ReferenceFolder {
    private ReferenceFolder() {}

    /** Copies every shipped reference file into {@code folder}; returns the folder. */
    public static Path copy(Path folder) throws IOException {
        for (String file : ReferenceData.FILES) {
            try (InputStream in = ReferenceData.class.getResourceAsStream(file)) {
                Files.write(folder.resolve(file), in.readAllBytes());
            }
        }
        return folder;
    }

    /** Rewrites the first line of {@code file} that starts with {@code startingWith}; returns its number (from 1). */
    public static int editLine(Path folder, String file, String startingWith, UnaryOperator<String> edit)
            throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(startingWith)) {
                lines.set(i, edit.apply(lines.get(i)));
                Files.write(folder.resolve(file), lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError("no line of " + file + " starts with " + startingWith);
    }
}
