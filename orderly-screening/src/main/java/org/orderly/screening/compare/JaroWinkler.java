package org.orderly.screening.compare;

/** Jaro-Winkler similarity of two short strings, without allocation (bit masks for strings up to 64 characters). */
public final class JaroWinkler {
    private JaroWinkler() {}

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.compareTo(b) > 0) { // the matching pass is order-sensitive: fix the order so that the result is symmetric
            String swap = a;
            a = b;
            b = swap;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > 64 || lb > 64) {
            a = a.substring(0, Math.min(la, 64));
            b = b.substring(0, Math.min(lb, 64));
            la = a.length();
            lb = b.length();
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0L;
        long matchedB = 0L;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char c = a.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if ((matchedA & (1L << i)) != 0) {
                while ((matchedB & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
