package org.orderly.screening.compare;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.DoubleMetaphone;

/** The keys a name token is compared by: its text, spelling-variant key, consonant skeleton and Double Metaphone codes. */
public record TokenFeatures(String text, String variant, String skeleton, String phonetic, String phoneticAlternate,
                            boolean particle) {
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    // Names repeat their parts heavily: features are computed once per distinct token and shared (bounded).
    private static final ConcurrentHashMap<String, TokenFeatures> WORDS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 2_000_000;

    public TokenFeatures {
        Objects.requireNonNull(text, "text");
    }

    public static TokenFeatures of(String text, boolean particle) {
        if (particle) {
            return compute(text, true);
        }
        TokenFeatures cached = WORDS.get(text);
        if (cached != null) {
            return cached;
        }
        TokenFeatures computed = compute(text, false);
        if (WORDS.size() < MAX_CACHED) {
            TokenFeatures raced = WORDS.putIfAbsent(text, computed);
            return raced == null ? computed : raced;
        }
        return computed;
    }

    private static TokenFeatures compute(String text, boolean particle) {
        String variant = SpellingVariants.variant(text);
        String primary = METAPHONE.doubleMetaphone(text, false);
        String alternate = METAPHONE.doubleMetaphone(text, true);
        return new TokenFeatures(text, variant, SpellingVariants.skeleton(variant),
                primary == null ? "" : primary, alternate == null ? "" : alternate, particle);
    }

    public boolean initial() {
        return text.length() == 1;
    }

    /** How much this token counts in a name score: particles and initials say less about who someone is. */
    public double weight() {
        return particle ? MatchRules.PARTICLE_WEIGHT : initial() ? MatchRules.INITIAL_WEIGHT : MatchRules.WORD_WEIGHT;
    }
}
