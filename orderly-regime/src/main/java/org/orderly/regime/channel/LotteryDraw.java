package org.orderly.regime.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A quota lottery that anyone can re-run: the authority publishes the SHA-256 of a secret seed before entries close,
 * draws by sorting the entrants' tokens on SHA-256(seed, token), and publishes the seed after; with the seed and the
 * published tokens, anyone checks the hash and recomputes the same order. A token is the SHA-256 of the applicant's
 * reference, so the published list names no one.
 */
public final class LotteryDraw {
    private LotteryDraw() {}

    /** The hash published before the draw. */
    public static String seedHash(String seed) {
        return sha256(seed);
    }

    /** An entrant's published token. */
    public static String token(String applicant) {
        return sha256("orderly-lottery-entrant\n" + applicant);
    }

    /** The entrants' tokens in the order the seed draws them (duplicates count once). */
    public static List<String> order(String seed, Collection<String> tokens) {
        if (seed == null || seed.isBlank()) throw new IllegalArgumentException("a lottery needs its seed");
        List<String> order = new ArrayList<>(new TreeSet<>(tokens));
        order.sort(Comparator.comparing((String t) -> sha256(seed + "\n" + t)).thenComparing(t -> t));
        return order;
    }

    /** The first {@code places} tokens of the draw. */
    public static List<String> winners(String seed, Collection<String> tokens, int places) {
        List<String> order = order(seed, tokens);
        return List.copyOf(order.subList(0, Math.min(places, order.size())));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
