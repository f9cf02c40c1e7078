package org.orderly.screening.normalise;

import java.util.Objects;

/** A lower-case ASCII name part and whether it is a particle (al, bin, van, de…) that weighs little in a match. */
public record NameToken(String text, boolean particle) {
    public NameToken {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a name token cannot be empty");
        }
    }

    public static NameToken word(String text) {
        return new NameToken(text, false);
    }

    public boolean initial() {
        return text.length() == 1;
    }
}
