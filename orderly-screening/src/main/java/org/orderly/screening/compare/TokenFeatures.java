package org.orderly.screening.compare;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Objects;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.orderly.screening.normalise.WordCache;

/** The keys a name token is compared by: its text, spelling-variant key, consonant skeleton and Double Metaphone codes. */
public record TokenFeatures(
        String text,
        String variant,
        String skeleton,
        String phonetic,
        String phoneticAlternate,
        boolean particle,
        Romanisations.Reading romanisation) {
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    /** Distinct words whose features are kept between uses (screened names pass through: see {@link WordCache}). */
    public static final int CACHE_LIMIT = 500_000;
    // Names repeat their parts heavily: features are computed once per distinct token and shared.
    private static final Cache<String, TokenFeatures> WORDS = WordCache.of(CACHE_LIMIT);

    public TokenFeatures {
        Objects.requireNonNull(text, "text");
    }

    public static TokenFeatures of(String text, boolean particle) {
        if (particle) {
            return compute(text, true);
        }
        return WORDS.get(text, word -> compute(word, false));
    }

    /** How many words' features are cached now (after pending evictions are done). */
    public static long cachedWords() {
        WORDS.cleanUp();
        return WORDS.estimatedSize();
    }

    private static TokenFeatures compute(String text, boolean particle) {
        String variant = SpellingVariants.variant(text);
        String primary = METAPHONE.doubleMetaphone(text, false);
        String alternate = METAPHONE.doubleMetaphone(text, true);
        return new TokenFeatures(
                text,
                variant,
                SpellingVariants.skeleton(variant),
                primary == null ? "" : primary,
                alternate == null ? "" : alternate,
                particle,
                particle ? null : Romanisations.of(text));
    }

    public boolean initial() {
        return text.length() == 1;
    }

    /** How much this token counts in a name score: particles and initials say less about who someone is. */
    public double weight() {
        return particle ? MatchRules.PARTICLE_WEIGHT : initial() ? MatchRules.INITIAL_WEIGHT : MatchRules.WORD_WEIGHT;
    }
}
