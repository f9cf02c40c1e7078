package org.orderly.travel.document.mrz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * OCR repair: replaces commonly confused characters only where the field's type says which kind of character
 * belongs there, and keeps a change only when a check digit (or, for state codes, the list of known codes) confirms it.
 */
final class MrzRepair {

    private MrzRepair() {}

    /** The digit a letter is commonly misread for, or 0 when there is none. */
    static char digitFor(char letter) {
        switch (letter) {
            case 'O':
            case 'Q':
            case 'D':
                return '0';
            case 'I':
            case 'L':
                return '1';
            case 'Z':
                return '2';
            case 'S':
                return '5';
            case 'G':
                return '6';
            case 'B':
                return '8';
            default:
                return 0;
        }
    }

    /** The letters a digit is commonly misread for. */
    static String lettersFor(char digit) {
        switch (digit) {
            case '0':
                return "OD";
            case '1':
                return "I";
            case '2':
                return "Z";
            case '5':
                return "S";
            case '6':
                return "G";
            case '8':
                return "B";
            default:
                return "";
        }
    }

    /** Repairs {@code z} in place and says what changed. */
    static List<Repair> repair(Layout l, char[] z, Predicate<String> knownStates) {
        List<Repair> repairs = new ArrayList<>();
        // Numeric fields: dates with their check digits. A letter there is certainly wrong.
        numeric(l, z, new int[] {l.birth, l.birth + 6}, l.birthCheck, Check.BIRTH_DATE, repairs);
        numeric(l, z, new int[] {l.expiry, l.expiry + 6}, l.expiryCheck, Check.EXPIRY_DATE, repairs);
        // Alphanumeric fields with their own check digit: a single confusion, confirmed by that digit alone.
        boolean longNumber = z[l.numberCheck] == '<';
        if (!longNumber) {
            alphanumeric(l, z, new int[] {l.number, l.number + 9}, l.numberCheck, Check.DOCUMENT_NUMBER, repairs);
        }
        if (l.optionalCheck >= 0) {
            alphanumeric(l, z, new int[] {l.optionalFrom, l.optionalTo}, l.optionalCheck, Check.OPTIONAL_DATA, repairs);
        }
        // Fields covered by the composite only (the optional data of TD1 and TD2).
        if (l.composite >= 0 && !longNumber) {
            int[] searched = l.optional2From >= 0
                    ? new int[] {l.optionalFrom, l.optionalTo, l.optional2From, l.optional2To}
                    : l.optionalCheck < 0 ? new int[] {l.optionalFrom, l.optionalTo} : new int[0];
            composite(l, z, searched, repairs);
        }
        state(l, z, l.state, knownStates, repairs);
        state(l, z, l.nationality, knownStates, repairs);
        return repairs;
    }

    private static void numeric(Layout l, char[] z, int[] ranges, int digit, String name, List<Repair> repairs) {
        char[] before = z.clone();
        boolean changed = false;
        for (int i = ranges[0]; i < ranges[1]; i++) {
            changed |= toDigit(z, i);
        }
        changed |= toDigit(z, digit);
        if (!changed) {
            return;
        }
        if (passes(z, ranges, digit)) {
            record(l, before, z, repairs, name);
        } else {
            System.arraycopy(before, 0, z, 0, z.length);
        }
    }

    private static void alphanumeric(Layout l, char[] z, int[] ranges, int digit, String name, List<Repair> repairs) {
        char[] before = z.clone();
        toDigit(z, digit);
        if (!isDigit(z[digit])) {
            System.arraycopy(before, 0, z, 0, z.length);
            return;
        }
        if (passes(z, ranges, digit)) {
            record(l, before, z, repairs, name);
            return;
        }
        if (single(z, ranges, ranges, digit)) {
            record(l, before, z, repairs, name);
        } else {
            System.arraycopy(before, 0, z, 0, z.length);
        }
    }

    private static void composite(Layout l, char[] z, int[] searched, List<Repair> repairs) {
        char[] before = z.clone();
        int digit = l.composite;
        toDigit(z, digit);
        if (!isDigit(z[digit])) {
            System.arraycopy(before, 0, z, 0, z.length);
            return;
        }
        if (passes(z, l.compositeRanges, digit)) {
            record(l, before, z, repairs, Check.COMPOSITE);
            return;
        }
        if (searched.length > 0 && single(z, searched, l.compositeRanges, digit)) {
            record(l, before, z, repairs, Check.COMPOSITE);
        } else {
            System.arraycopy(before, 0, z, 0, z.length);
        }
    }

    /** Tries every single confusion in {@code searched}; applies it when exactly one makes the check pass. */
    private static boolean single(char[] z, int[] searched, int[] covered, int digit) {
        int found = -1;
        char replacement = 0;
        for (int r = 0; r < searched.length; r += 2) {
            for (int i = searched[r]; i < searched[r + 1]; i++) {
                char original = z[i];
                String candidates = isDigit(original) ? lettersFor(original) : String.valueOf(digitFor(original));
                for (int c = 0; c < candidates.length(); c++) {
                    char candidate = candidates.charAt(c);
                    if (candidate == 0) {
                        continue;
                    }
                    z[i] = candidate;
                    if (passes(z, covered, digit)) {
                        if (found >= 0) {
                            z[i] = original;
                            return false;
                        }
                        found = i;
                        replacement = candidate;
                    }
                    z[i] = original;
                }
            }
        }
        if (found < 0) {
            return false;
        }
        z[found] = replacement;
        return true;
    }

    private static void state(Layout l, char[] z, int at, Predicate<String> knownStates, List<Repair> repairs) {
        char[] code = new char[3];
        boolean changed = false;
        for (int i = 0; i < 3; i++) {
            char c = z[at + i];
            String letters = isDigit(c) ? lettersFor(c) : "";
            if (isDigit(c)) {
                if (letters.length() != 1) {
                    return;
                }
                code[i] = letters.charAt(0);
                changed = true;
            } else {
                code[i] = c;
            }
        }
        int end = 3;
        while (end > 0 && code[end - 1] == '<') {
            end--;
        }
        if (changed && knownStates.test(new String(code, 0, end))) {
            for (int i = 0; i < 3; i++) {
                if (z[at + i] != code[i]) {
                    repairs.add(new Repair(
                            l.at(at + i).line(), l.at(at + i).fromColumn(), z[at + i], code[i], "knownState"));
                    z[at + i] = code[i];
                }
            }
        }
    }

    private static boolean toDigit(char[] z, int i) {
        char digit = isDigit(z[i]) ? 0 : digitFor(z[i]);
        if (digit == 0) {
            return false;
        }
        z[i] = digit;
        return true;
    }

    private static boolean passes(char[] z, int[] ranges, int digit) {
        if (!isDigit(z[digit])) {
            return false;
        }
        int sum = 0;
        int offset = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            sum += CheckDigit.sum(z, ranges[i], ranges[i + 1], offset);
            offset += ranges[i + 1] - ranges[i];
        }
        return sum % 10 == z[digit] - '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void record(Layout l, char[] before, char[] after, List<Repair> repairs, String confirmedBy) {
        for (int i = 0; i < after.length; i++) {
            if (before[i] != after[i]) {
                Span at = l.at(i);
                repairs.add(new Repair(at.line(), at.fromColumn(), before[i], after[i], confirmedBy));
            }
        }
    }
}
