package org.orderly.screening.compare;

/**
 * Folds spellings that transliteration systems produce for the same sound into one key: digraphs (kh/h, ph/f, dj/j,
 * ou/u, x/ks, w/v, q/k), the vowel pairs o/u and e/i that Arabic and Persian script do not distinguish, doubled
 * letters, and the Arabic "Abd al-" prefix; the skeleton keeps the first letter and the consonants, since short
 * vowels are not written in Arabic, Hebrew or Persian script.
 */
public final class SpellingVariants {
    private SpellingVariants() {}

    /** The variant key of a lower-case ASCII token: {@code mohammed → muhamid}, {@code yousef → yusif}. */
    public static String variant(String token) {
        String t = token;
        if (t.length() == 5 && t.startsWith("abd") && "aeiou".indexOf(t.charAt(3)) >= 0 && t.charAt(4) == 'l') {
            t = "abd"; // abdul/abdel/abdal/abdol written apart ("Abdul Rahman"): the prefix alone, as "'Abd al-Rahman"
        } else if (t.length() > 4 && t.startsWith("abd")) {
            // abdul-/abdel-/abdal-/abdol- rahman: one theophoric prefix "servant of", spelled many ways.
            int cut = 3;
            if (t.length() > 6 && "aeiou".indexOf(t.charAt(3)) >= 0 && t.charAt(4) == 'l') {
                cut = 5;
            }
            t = "abd" + t.substring(cut);
        }
        StringBuilder out = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            char third = i + 2 < n ? t.charAt(i + 2) : 0;
            switch (c) {
                case 'k':
                    if (next == 'h') {
                        append(out, 'h');
                        i++;
                    } else {
                        append(out, 'k');
                    }
                    break;
                case 'g':
                    if (next == 'h') {
                        i++;
                    }
                    append(out, 'g');
                    break;
                case 'p':
                    if (next == 'h') {
                        append(out, 'f');
                        i++;
                    } else {
                        append(out, 'p');
                    }
                    break;
                case 't':
                    if (next == 'h') {
                        i++;
                        append(out, 't');
                    } else if (next == 's' && third == 'c' && i + 3 < n && t.charAt(i + 3) == 'h') {
                        append(out, 'c');
                        append(out, 'h');
                        i += 3;
                    } else if (next == 'c' && third == 'h') {
                        append(out, 'c');
                        append(out, 'h');
                        i += 2;
                    } else {
                        append(out, 't');
                    }
                    break;
                case 'd':
                    if (next == 'h') {
                        i++;
                        append(out, 'd');
                    } else if (next == 'j') {
                        append(out, 'j');
                        i++;
                    } else if (next == 'z' && third == 'h') {
                        append(out, 'j');
                        i += 2;
                    } else {
                        append(out, 'd');
                    }
                    break;
                case 'z':
                    if (next == 'h') {
                        append(out, 'j');
                        i++;
                    } else {
                        append(out, 'z');
                    }
                    break;
                case 's':
                    if (next == 'c' && third == 'h') {
                        append(out, 's');
                        append(out, 'h');
                        i += 2;
                    } else {
                        append(out, 's');
                    }
                    break;
                case 'c':
                    if (next == 'k' || next == 'q') {
                        append(out, 'k');
                        i++;
                    } else if (next == 'h') {
                        append(out, 'c');
                        append(out, 'h');
                        i++;
                    } else if (next == 'e' || next == 'i' || next == 'y') {
                        append(out, 's');
                    } else {
                        append(out, 'k');
                    }
                    break;
                case 'q':
                    append(out, 'k');
                    if (next == 'u' && third != 0 && "aeio".indexOf(third) >= 0) {
                        i++;
                    }
                    break;
                case 'x':
                    append(out, 'k');
                    append(out, 's');
                    break;
                case 'w':
                    append(out, 'v');
                    break;
                case 'o':
                    if (next == 'u' || next == 'o') {
                        i++;
                    }
                    append(out, 'u');
                    break;
                case 'e':
                    if (next == 'e' || next == 'y' && third == 0) {
                        i++;
                    }
                    append(out, 'i');
                    break;
                case 'j':
                    // Slavic and German j is the English y (Jusuf/Yusuf) before a vowel at the start of a word.
                    append(out, i == 0 && next != 0 && "aeiou".indexOf(next) >= 0 ? 'y' : 'j');
                    break;
                default:
                    append(out, c);
            }
        }
        if (out.length() > 1
                && out.charAt(out.length() - 1) == 'h'
                && "aeiu".indexOf(out.charAt(out.length() - 2)) >= 0) {
            out.setLength(out.length() - 1); // final h after a vowel is a silent ta marbuta or breath: Fatimah/Fatima.
        }
        return out.toString();
    }

    /** The consonant skeleton of a variant key, keeping its first letter: {@code muhamid → mhmd}. */
    public static String skeleton(String variant) {
        if (variant.isEmpty()) {
            return variant;
        }
        StringBuilder out = new StringBuilder(variant.length());
        out.append(variant.charAt(0));
        for (int i = 1; i < variant.length(); i++) {
            char c = variant.charAt(i);
            if ("aeiouy".indexOf(c) < 0 && out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c) {
        // Doubled letters are one sound in transliteration: Hassan/Hasan, Abdullah/Abdulah.
        if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
            out.append(c);
        }
    }
}
