package org.orderly.screening.compare;

import java.util.ArrayList;
import java.util.List;
import org.orderly.screening.normalise.NameToken;
import org.orderly.screening.normalise.NormalisedName;

/**
 * A normalised name with the comparison features of each token, computed once and reused for every comparison; and,
 * for a name written wholly in Han or wholly in Hangul, its characters ({@link NativeCharacters}), else null.
 */
public record NameFeatures(NormalisedName name, List<TokenFeatures> tokens, String characters) {
    public NameFeatures {
        tokens = List.copyOf(tokens);
    }

    public static NameFeatures of(NormalisedName name) {
        List<TokenFeatures> features = new ArrayList<>(name.tokens().size());
        for (NameToken token : name.tokens()) {
            features.add(TokenFeatures.of(token.text(), token.particle()));
        }
        return new NameFeatures(name, features, NativeCharacters.of(name.original()));
    }

    public int wordCount() {
        int count = 0;
        for (TokenFeatures token : tokens) {
            if (!token.particle() && !token.initial()) {
                count++;
            }
        }
        return count;
    }
}
