package org.orderly.screening.compare;

import java.util.Map;

/**
 * Writes a toneless Pinyin syllable in Wade-Giles by the correspondences of the two systems' syllable tables
 * (initials b/p → p/p', d/t → t/t', g/k → k/k', j/q → ch/ch', x → hs, zh/ch → ch/ch', r → j, z/c → ts/ts';
 * zhi → chih, zi → tzu, si → ssu; -ie → -ieh, -ian → -ien, -ong → -ung, -ue → -ueh; ge/ke/he → ko/k'o/ho; -uo → -o
 * except after g/k/h/sh; gui/kui → kuei/k'uei; yi → i, you → yu, yan → yen, ye → yeh; er → erh); umlauts left out,
 * apostrophes kept, as passports in Wade-Giles write them. The comparator reads Wade-Giles names by it
 * ({@link Romanisations}); the evaluation writes Pinyin names in Wade-Giles with it.
 */
public final class WadeGiles {
    private static final Map<String, String> WHOLE = Map.ofEntries(
            Map.entry("zhi", "chih"),
            Map.entry("chi", "ch'ih"),
            Map.entry("shi", "shih"),
            Map.entry("ri", "jih"),
            Map.entry("zi", "tzu"),
            Map.entry("ci", "tz'u"),
            Map.entry("si", "ssu"),
            Map.entry("er", "erh"),
            Map.entry("yi", "i"),
            Map.entry("you", "yu"),
            Map.entry("yan", "yen"),
            Map.entry("ye", "yeh"),
            Map.entry("yong", "yung"),
            Map.entry("yue", "yueh"),
            Map.entry("ge", "ko"),
            Map.entry("ke", "k'o"),
            Map.entry("he", "ho"),
            Map.entry("gui", "kuei"),
            Map.entry("kui", "k'uei"));
    private static final String[][] INITIALS = {
        {"zh", "ch"},
        {"ch", "ch'"},
        {"sh", "sh"},
        {"b", "p"},
        {"p", "p'"},
        {"d", "t"},
        {"t", "t'"},
        {"g", "k"},
        {"k", "k'"},
        {"j", "ch"},
        {"q", "ch'"},
        {"x", "hs"},
        {"r", "j"},
        {"z", "ts"},
        {"c", "ts'"}
    };

    private WadeGiles() {}

    /** The Wade-Giles spelling of a toneless Pinyin syllable. */
    public static String of(String pinyin) {
        String whole = WHOLE.get(pinyin);
        if (whole != null) {
            return whole;
        }
        String initial = "";
        String rest = pinyin;
        for (String[] pair : INITIALS) {
            if (pinyin.startsWith(pair[0])) {
                initial = pair[1];
                rest = pinyin.substring(pair[0].length());
                break;
            }
        }
        String pinyinInitial = pinyin.replaceFirst("[aeiouv].*$", "");
        if (rest.endsWith("uo") && !pinyinInitial.matches("g|k|h|sh|w|")) {
            rest = rest.substring(0, rest.length() - 2) + "o";
        }
        if (rest.endsWith("ong")) {
            rest = rest.substring(0, rest.length() - 3) + "ung";
        } else if (rest.endsWith("ian")) {
            rest = rest.substring(0, rest.length() - 3) + "ien";
        } else if (rest.endsWith("ie") || rest.endsWith("ue")) {
            rest = rest + "h";
        }
        return initial + rest;
    }
}
