package org.orderly.screening.normalise;

import java.util.List;
import java.util.stream.Collectors;

/** A name after normalisation: its original text and its tokens in Latin lower-case ASCII, particles marked. */
public record NormalisedName(String original, List<NameToken> tokens) {
    public NormalisedName {
        tokens = List.copyOf(tokens);
    }

    /** The tokens that carry the name (particles left out). */
    public List<String> words() {
        return tokens.stream().filter(t -> !t.particle()).map(NameToken::text).collect(Collectors.toList());
    }

    public List<String> particles() {
        return tokens.stream().filter(NameToken::particle).map(NameToken::text).collect(Collectors.toList());
    }

    /** The normalised form as one string, tokens separated by single spaces. */
    public String text() {
        return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
