package org.orderly.screening.normalise;

import java.util.Locale;

/** Lower-cases with the root locale, so that a Turkish default locale cannot turn {@code I} into a dotless i. */
public final class LowerCase implements TextStage {
    @Override
    public String apply(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
