package org.orderly.screening.normalise;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The process-wide caches of work done per name word (transliteration, comparison features). Screened travellers'
 * names pass through them, and a name is personal data: the caches are bounded in size and forget a word not used for
 * {@link #IDLE}, so that a traveller's name does not stay in memory for the life of the process. Listed names' words,
 * used by every screening, stay (and the index holds their features itself).
 */
public final class WordCache {
    /** A word not looked up for this long is dropped. */
    public static final Duration IDLE = Duration.ofMinutes(10);

    private WordCache() {}

    /** A cache of at most {@code limit} words (least recently and least often used dropped first). */
    public static <V> Cache<String, V> of(long limit) {
        return Caffeine.newBuilder().maximumSize(limit).expireAfterAccess(IDLE).build();
    }
}
