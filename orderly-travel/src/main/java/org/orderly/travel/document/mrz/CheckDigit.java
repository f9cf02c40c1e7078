package org.orderly.travel.document.mrz;

/** The ICAO Doc 9303 check digit: characters valued 0-9, A=10…Z=35, {@code <}=0, weighted 7, 3, 1 repeating, modulo 10. */
public final class CheckDigit {

    private CheckDigit() {}

    /** The value of one zone character, or -1 if it may not appear in a zone. */
    public static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    /** The check digit of a whole string of zone characters. */
    public static char of(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = value(text.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a zone character at index " + i + ": '" + text.charAt(i) + "'");
            }
            sum += v * weight(i);
        }
        return (char) ('0' + sum % 10);
    }

    /** Weighted sum of {@code zone[from, to)}, the first character taking weight number {@code offset} (0 → 7, 1 → 3, 2 → 1). */
    static int sum(char[] zone, int from, int to, int offset) {
        int sum = 0;
        int w = offset % 3;
        for (int i = from; i < to; i++) {
            sum += value(zone[i]) * (w == 0 ? 7 : w == 1 ? 3 : 1);
            w = w == 2 ? 0 : w + 1;
        }
        return sum;
    }

    private static int weight(int index) {
        int w = index % 3;
        return w == 0 ? 7 : w == 1 ? 3 : 1;
    }
}
