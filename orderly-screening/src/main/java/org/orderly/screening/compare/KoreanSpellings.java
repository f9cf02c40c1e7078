package org.orderly.screening.compare;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;

/**
 * Korean names as their bearers spell them: every Hangul syllable's spellings in the official systems and in the
 * popular spellings passports and the press use, so that Yoon Suk Yeol meets 윤석열 and Park meets 박.
 *
 * <ul>
 *   <li><b>Official</b>: Revised Romanization (ICU's {@code Hangul-Latin} reading, and that reading with a final
 *       consonant as the system writes it, {@code bag → bak}, and an initial ㄹ as {@code r}); McCune-Reischauer as lists
 *       write it without breves or apostrophes (ICU's {@code Korean-Latin/BGN}); and the DPRK's spellings (that reading
 *       with aspirates written {@code th, ph, kh}, ㅊ {@code ch} and ㅈ {@code j}: Jang Song-thaek, Kim Jong Un).</li>
 *   <li><b>Popular</b>, generated from the Revised Romanization of each syllable by the usual substitutions: ㅓ written
 *       {@code u}, {@code o} or {@code ou} (Suk, Yong, Young), ㅜ written {@code oo} (Joon), a final ㅣ written {@code ee}
 *       (Hee), ㅢ written {@code ee} or {@code eui}, ㅚ written {@code oi} (Choi), ㅜ at the start written {@code woo}
 *       (Wook), an initial ㄱ written {@code k} (Kyung), ㅈ written {@code ch} (Chung), ㅅ before ㅣ written {@code sh}
 *       (Shin). A popular spelling meets only a Revised Romanization of the same syllable: two popular spellings of a
 *       syllable, or a popular and a McCune-Reischauer one, are too loose to tell Cho from Ju.</li>
 *   <li><b>Surnames</b> ({@code korean-surnames.csv}, one row per surname with its spellings in each system and the
 *       spellings in public use, each with bearers as its source): any two spellings of one surname meet, as whole
 *       words only (Lee, Yi, Rhee, Ri; Park, Pak, Bak).</li>
 * </ul>
 *
 * Two words meet when both split into the same number of syllables and each pair of syllables meets as above. Every
 * spelling belongs to a group (spellings sharing a syllable, closed transitively); two words that meet share a key made
 * of their syllables' groups, so the candidate index enumerates every pair this class accepts.
 */
public final class KoreanSpellings {
    private static final String SURNAMES = "/org/orderly/screening/compare/korean-surnames.csv";
    private static final int MAX_SEGMENTATIONS = 16;
    private static final int MAX_LENGTH = 18;

    private static final Map<String, int[]> REVISED = new HashMap<>();
    private static final Map<String, int[]> OFFICIAL = new HashMap<>();
    private static final Map<String, int[]> POPULAR = new HashMap<>();
    private static final Map<String, int[]> SURNAME = new HashMap<>();
    private static final Map<String, int[]> ANY = new HashMap<>();
    private static final Map<String, Integer> GROUP = new HashMap<>();
    private static final Map<String, String> ONE_LETTER_SURNAME = new HashMap<>();
    private static final int LONGEST;

    static {
        Map<String, Set<Integer>> revised = new HashMap<>();
        Map<String, Set<Integer>> official = new HashMap<>();
        Map<String, Set<Integer>> popular = new HashMap<>();
        Map<String, Set<Integer>> surname = new HashMap<>();
        StringBuilder hangul = new StringBuilder(2 * 11_172);
        for (char c = 0xAC00; c <= 0xD7A3; c++) {
            hangul.append(c).append(' ');
        }
        String[] rr = Transliterator.getInstance("Hangul-Latin; Latin-ASCII; Lower")
                .transliterate(hangul.toString())
                .split(" ");
        String[] mr = Transliterator.getInstance("NFD; Korean-Latin/BGN; NFC; Lower")
                .transliterate(hangul.toString())
                .split(" ");
        Transliterator ascii = Transliterator.getInstance("Latin-ASCII");
        for (int h = 0; h < 11_172; h++) {
            String reading = rr[h].replaceAll("[^a-z]", "");
            for (String form : revisedForms(reading)) {
                add(revised, form, h);
                add(official, form, h);
                for (String spelling : popularForms(form)) {
                    add(popular, spelling, h);
                }
            }
            String bgn = mr[h];
            add(official, ascii.transliterate(bgn).replaceAll("[^a-z]", ""), h);
            add(official, dprk(bgn, ascii), h);
        }
        readSurnames(surname);
        freeze(revised, REVISED);
        freeze(official, OFFICIAL);
        freeze(popular, POPULAR);
        freeze(surname, SURNAME);
        Map<String, Set<Integer>> any = new HashMap<>();
        for (Map<String, Set<Integer>> map : List.of(official, popular, surname)) {
            map.forEach((spelling, syllables) ->
                    any.computeIfAbsent(spelling, s -> new TreeSet<>()).addAll(syllables));
        }
        freeze(any, ANY);
        groups(any);
        int longest = 0;
        for (String spelling : ANY.keySet()) {
            longest = Math.max(longest, spelling.length());
        }
        LONGEST = longest;
    }

    private KoreanSpellings() {}

    /** How a word splits into Korean syllables (at most a few ways), and the index keys of those splits. */
    public record Spelling(List<String[]> syllables, String[] keys) {}

    /** The word's splits into Korean syllable spellings, or null when it has none (or too many to be a name). */
    public static Spelling of(String word) {
        if (word.length() < 2 || word.length() > MAX_LENGTH) {
            return null;
        }
        List<String[]> out = new ArrayList<>();
        if (!split(word, 0, new ArrayList<>(), out)) {
            return null; // more splits than a name has: not read as Korean at all (keys and relation agree)
        }
        if (SURNAME.containsKey(word) && out.stream().noneMatch(s -> s.length == 1)) {
            out.add(new String[] {word}); // a surname spelling only (Park, Rhee): a whole word, never part of one
        }
        if (out.isEmpty()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String[] syllables : out) {
            StringBuilder key = new StringBuilder("q:");
            for (String syllable : syllables) {
                key.append(GROUP.get(syllable)).append('.');
            }
            keys.add(key.toString());
        }
        return new Spelling(List.copyOf(out), keys.toArray(new String[0]));
    }

    /**
     * Whether two words write one Korean name (see the class comment): 0 when not, 1 when each is one syllable, 2 when
     * they are longer.
     */
    public static int related(Spelling x, Spelling y) {
        if (x == null || y == null) {
            return 0;
        }
        for (String[] a : x.syllables()) {
            for (String[] b : y.syllables()) {
                if (a.length == b.length && meet(a, b)) {
                    return a.length == 1 ? 1 : 2;
                }
            }
        }
        return 0;
    }

    /** Whether the word is one Korean syllable as some system or popular spelling writes it. */
    public static boolean syllable(String word) {
        return OFFICIAL.containsKey(word) || POPULAR.containsKey(word);
    }

    /** Whether the word is a spelling of a Korean surname in the surname table (Park, Lee, Gim). */
    public static boolean surname(String word) {
        return SURNAME.containsKey(word);
    }

    /**
     * The usual spelling of a surname whose Revised Romanization is one letter (i → lee for 이, o → oh for 오), or
     * null: the comparator would take the letter for an initial.
     */
    public static String oneLetterSurname(String letter) {
        return ONE_LETTER_SURNAME.get(letter);
    }

    private static boolean meet(String[] a, String[] b) {
        boolean single = a.length == 1;
        for (int i = 0; i < a.length; i++) {
            if (!meet(a[i], b[i], single)) {
                return false;
            }
        }
        return true;
    }

    private static boolean meet(String p, String q, boolean single) {
        if (p.equals(q)) {
            return true;
        }
        if (common(OFFICIAL.get(p), OFFICIAL.get(q))
                || common(POPULAR.get(p), REVISED.get(q))
                || common(REVISED.get(p), POPULAR.get(q))) {
            return true;
        }
        return single && (common(SURNAME.get(p), ANY.get(q)) || common(ANY.get(p), SURNAME.get(q)));
    }

    private static boolean common(int[] a, int[] b) {
        if (a == null || b == null) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** Appends every split of word[from..] into syllable spellings; false when there are too many. */
    private static boolean split(String word, int from, List<String> prefix, List<String[]> out) {
        if (from == word.length()) {
            if (out.size() >= MAX_SEGMENTATIONS) {
                return false;
            }
            out.add(prefix.toArray(new String[0]));
            return true;
        }
        for (int end = Math.min(word.length(), from + LONGEST); end > from; end--) {
            String syllable = word.substring(from, end);
            if (syllable(syllable)) {
                prefix.add(syllable);
                boolean fits = split(word, end, prefix, out);
                prefix.remove(prefix.size() - 1);
                if (!fits) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The reading as ICU gives it, with a final ㄱ, ㄷ, ㅂ as k, t, p and an initial ㄹ as r (Revised Romanization). */
    private static List<String> revisedForms(String reading) {
        List<String> forms = new ArrayList<>(3);
        forms.add(reading);
        String proper = reading;
        if (proper.endsWith("g") && !proper.endsWith("ng")) {
            proper = proper.substring(0, proper.length() - 1) + "k";
        } else if (proper.endsWith("d")) {
            proper = proper.substring(0, proper.length() - 1) + "t";
        } else if (proper.endsWith("b")) {
            proper = proper.substring(0, proper.length() - 1) + "p";
        }
        if (proper.startsWith("l")) {
            proper = "r" + proper.substring(1);
        }
        if (!proper.equals(reading)) {
            forms.add(proper);
        }
        return forms;
    }

    /** The popular spellings of one syllable from its Revised Romanization (Seok: Suk, Sok, Souk), in a fixed order. */
    public static List<String> popularSpellings(String revised) {
        return List.copyOf(popularForms(revised));
    }

    /** The popular spellings of one Revised Romanization syllable (see the class comment). */
    static Set<String> popularForms(String revised) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(revised);
        if (revised.startsWith("g")) {
            forms.add("k" + revised.substring(1));
        }
        if (revised.startsWith("j")) {
            forms.add("ch" + revised.substring(1));
        }
        if (revised.startsWith("si")) {
            forms.add("sh" + revised.substring(1));
        }
        forms = substitute(forms, "ui", "ee", "eui");
        forms = substituteU(forms);
        forms = substitute(forms, "eo", "u", "o", "ou");
        forms = substituteFinalI(forms);
        forms = substitute(forms, "oe", "oi");
        forms.removeIf(form -> form.equals(revised));
        return forms;
    }

    private static Set<String> substitute(Set<String> forms, String from, String... to) {
        Set<String> out = new LinkedHashSet<>(forms);
        for (String form : forms) {
            if (form.contains(from)) {
                for (String replacement : to) {
                    out.add(form.replace(from, replacement));
                }
            }
        }
        return out;
    }

    /** ㅜ written oo (Joon, Soo), and at the start woo (Woo, Wook); not the u of eu or ui. */
    private static Set<String> substituteU(Set<String> forms) {
        Set<String> out = new LinkedHashSet<>(forms);
        for (String form : forms) {
            int at = form.indexOf('u');
            if (at < 0
                    || at > 0 && form.charAt(at - 1) == 'e'
                    || at + 1 < form.length() && form.charAt(at + 1) == 'i') {
                continue;
            }
            out.add(form.substring(0, at) + "oo" + form.substring(at + 1));
            if (at == 0) {
                out.add("woo" + form.substring(1));
            }
        }
        return out;
    }

    /** A final ㅣ written ee (Hee, Jee, Kee). */
    private static Set<String> substituteFinalI(Set<String> forms) {
        Set<String> out = new LinkedHashSet<>(forms);
        for (String form : forms) {
            if (form.length() >= 2 && form.endsWith("i") && "aeiouw".indexOf(form.charAt(form.length() - 2)) < 0) {
                out.add(form.substring(0, form.length() - 1) + "ee");
            }
        }
        return out;
    }

    /** The DPRK's spelling from the BGN reading: aspirates with h, ㅈ as j, ŏ and ŭ as o and u. */
    private static String dprk(String bgn, Transliterator ascii) {
        String s =
                bgn.replace("ch’", "C").replace("t’", "th").replace("p’", "ph").replace("k’", "kh");
        s = s.replace("ch", "j").replace("C", "ch");
        return ascii.transliterate(s).replaceAll("[^a-z]", "");
    }

    private static void add(Map<String, Set<Integer>> map, String spelling, int syllable) {
        if (!spelling.isEmpty() && spelling.chars().anyMatch(c -> "aeiouwy".indexOf(c) >= 0)) {
            map.computeIfAbsent(spelling, s -> new TreeSet<>()).add(syllable);
        }
    }

    private static void freeze(Map<String, Set<Integer>> from, Map<String, int[]> to) {
        from.forEach((spelling, syllables) ->
                to.put(spelling, syllables.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void readSurnames(Map<String, Set<Integer>> surname) {
        CsvHeader header =
                CsvHeader.requiring("hangul", "revised", "mccune_reischauer", "dprk", "popular", "bearers", "as_of");
        try (InputStream in = KoreanSpellings.class.getResourceAsStream(SURNAMES)) {
            if (in == null) {
                throw new IllegalStateException(SURNAMES + " is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (CsvRow row : CsvReader.read(SURNAMES, text, header).rows()) {
                String[] hangul = row.get("hangul").trim().split("\\s+");
                List<String> spellings = new ArrayList<>();
                for (String column : new String[] {"revised", "mccune_reischauer", "dprk", "popular"}) {
                    spellings.addAll(Arrays.asList(
                            row.get(column).trim().toLowerCase(Locale.ROOT).split("\\s+")));
                }
                for (String syllable : hangul) {
                    for (String spelling : spellings) {
                        add(surname, spelling, syllable.charAt(0) - 0xAC00);
                    }
                }
                String revised = row.get("revised").trim().toLowerCase(Locale.ROOT);
                if (revised.length() == 1) {
                    ONE_LETTER_SURNAME.put(
                            revised,
                            row.get("popular").trim().toLowerCase(Locale.ROOT).split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Groups of spellings that share a syllable, closed transitively (union-find over the syllables' spellings). */
    private static void groups(Map<String, Set<Integer>> any) {
        int[] parent = new int[11_172];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Set<Integer> syllables : any.values()) {
            int first = -1;
            for (int syllable : syllables) {
                if (first < 0) {
                    first = root(parent, syllable);
                } else {
                    parent[root(parent, syllable)] = first;
                    first = root(parent, first);
                }
            }
        }
        any.forEach((spelling, syllables) ->
                GROUP.put(spelling, root(parent, syllables.iterator().next())));
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
