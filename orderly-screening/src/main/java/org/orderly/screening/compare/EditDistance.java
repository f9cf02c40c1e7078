package org.orderly.screening.compare;

/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: replaced, dropped, inserted letters and swapped
 * neighbours each count one edit), answered only up to a small bound so that it stops early.
 */
public final class EditDistance {
    /** Strings longer than this are compared on their first letters only (names are far shorter). */
    private static final int MAX_LENGTH = 63;

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][MAX_LENGTH + 1]);

    private EditDistance() {}

    /** Whether the two strings are at most {@code bound} edits apart. */
    public static boolean within(String a, String b, int bound) {
        int n = Math.min(a.length(), MAX_LENGTH);
        int m = Math.min(b.length(), MAX_LENGTH);
        if (Math.abs(n - m) > bound) {
            return false;
        }
        if (bound == 0) {
            return a.equals(b);
        }
        // Three rows reused per thread: the comparator calls this for many token pairs per screening.
        int[][] rows = ROWS.get();
        int[] before = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMinimum = i;
            char x = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char y = b.charAt(j - 1);
                int cost = x == y ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > bound) {
                return false;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[m] <= bound;
    }
}
