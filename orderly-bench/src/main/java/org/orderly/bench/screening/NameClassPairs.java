package org.orderly.bench.screening;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.orderly.screening.compare.WadeGiles;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.WatchlistCsv;

/**
 * Labelled name pairs per class of name the development set never shows, built from public data and standards, not
 * typed in: people of the held-out rows of the development set (see {@link DevSetEvaluation.Part}), written in other
 * scripts with ICU's transliterators, in Wade-Giles from their Pinyin, with the hypocorisms of the public nicknames list,
 * with middle names dropped, with OCR digits, in swapped nasab order, and Han or Hangul names one character apart.
 * Every pair is generated from a seed, so the same data give the same pairs.
 */
public final class NameClassPairs {
    /** Two names and whether they name the same person. */
    public record Pair(String nameClass, String left, String right, boolean same) {}

    /** Pairs generated per class and per label, at most. */
    static final int PER_CLASS = 200;

    private static final String[][] SCRIPTS = {
        {"Cyrillic", "Latin-Cyrillic"},
        {"Greek", "Latin-Greek"},
        {"Arabic", "Latin-Arabic"},
        {"Hangul", "Latin-Hangul"},
        {"Georgian", "Latin-Georgian"},
        {"Armenian", "Latin-Armenian"},
        {"Bengali", "Latin-Bengali"},
        {"Ethiopic", "Latin-Ethiopic"},
        {"Hebrew", "Latin-Hebrew"},
        {"Thai", "Latin-Thai"},
        {"Devanagari", "Latin-Devanagari"}
    };
    /** Unicode blocks of scripts ICU has no transliterator to Latin for: first consonant, last consonant, vowel signs. */
    private static final int[][] UNREAD_SCRIPTS = {
        {0x1780, 0x17A2, 0x17B6, 0x17C5},
        {0x0E81, 0x0EAE, 0x0EB4, 0x0EB9},
        {0x0F40, 0x0F6C, 0x0F72, 0x0F7D},
        {0x1820, 0x1842, 0x1820, 0x1826}
    };

    private static final String OCR_LETTERS = "oilesbzt";
    private static final String OCR_DIGITS = "01135827";

    private final Random random;
    private final List<String[]> latin = new ArrayList<>();
    private final List<String[]> han = new ArrayList<>();
    private final List<String[]> hangul = new ArrayList<>();
    private final List<String[]> listed = new ArrayList<>();
    private final Path nicknames;

    private NameClassPairs(Path sharedData, long seed) {
        this.random = new Random(seed);
        Path screening = sharedData.resolve("screening");
        List<PersonEntry> negatives =
                WatchlistCsv.load(screening.resolve("negatives_global.csv")).persons();
        for (int row = 0; row < negatives.size(); row++) {
            if (!DevSetEvaluation.Part.HELD_OUT.contains(row)) {
                continue;
            }
            String[] parts = negatives.get(row).name().trim().split("\\s+");
            String script = script(negatives.get(row).name());
            if (parts.length >= 2 && script.equals("Latin")) {
                latin.add(parts);
            } else if (parts.length >= 2 && script.equals("Han")) {
                han.add(parts);
            } else if (parts.length >= 2 && script.equals("Hangul")) {
                hangul.add(parts);
            }
        }
        List<PersonEntry> un = WatchlistCsv.load(screening.resolve("positives_un_untreated.csv"))
                .persons();
        for (int row = 0; row < un.size(); row++) {
            String[] parts = un.get(row).name().trim().split("[\\s,]+");
            if (DevSetEvaluation.Part.HELD_OUT.contains(row) && parts.length >= 2) {
                listed.add(parts);
            }
        }
        this.nicknames = sharedData.resolve("names").resolve("nicknames.csv");
    }

    /** All classes' pairs from the shared data folder (which holds {@code screening/} and {@code names/}). */
    public static Map<String, List<Pair>> generate(Path sharedData, long seed) {
        NameClassPairs pairs = new NameClassPairs(sharedData, seed);
        Map<String, List<Pair>> classes = new LinkedHashMap<>();
        classes.put("scripts", pairs.scripts());
        classes.put("Han via Pinyin", pairs.hanPinyin());
        classes.put("Hangul", pairs.hangulLatin());
        classes.put("unreadable scripts", pairs.unreadable());
        classes.put("Pinyin / Wade-Giles", pairs.wadeGiles());
        classes.put("Arabic transliteration", pairs.arabicVariants());
        classes.put("hypocorisms", pairs.hypocorisms());
        classes.put("subset names", pairs.subsets());
        classes.put("OCR and keyboard noise", pairs.noise());
        classes.put("nasab order", pairs.nasab());
        classes.put("Han / Hangul one character apart", pairs.oneCharacterApart());
        return classes;
    }

    // ---- scripts ----

    private List<Pair> scripts() {
        List<Pair> out = new ArrayList<>();
        Map<String, List<String[]>> bySurname = bySurname(latin);
        for (int k = 0; k < PER_CLASS && k < latin.size(); k++) {
            String[] person = pick(latin);
            String[] script = SCRIPTS[k % SCRIPTS.length];
            String written = inScript(String.join(" ", person), script[1]);
            out.add(new Pair("scripts", String.join(" ", person), written, true));
            String[] other = sameSurnameOther(bySurname, person);
            out.add(new Pair("scripts", String.join(" ", other), written, false));
            if (k % 4 == 0) {
                String[] second = SCRIPTS[(k + 3) % SCRIPTS.length];
                out.add(new Pair("scripts", inScript(String.join(" ", person), second[1]), written, true));
            }
        }
        return out;
    }

    private static String inScript(String latinName, String transliterator) {
        Transliterator to = Transliterator.getInstance(transliterator);
        List<String> words = new ArrayList<>();
        for (String word : latinName.toLowerCase(Locale.ROOT).split("\\s+")) {
            words.add(to.transliterate(word)); // word by word: some scripts' rules would join the words
        }
        return String.join(" ", words);
    }

    private List<Pair> hanPinyin() {
        return nativeAndLatin(han, "Han via Pinyin", "Han-Latin; Latin-ASCII");
    }

    private List<Pair> hangulLatin() {
        return nativeAndLatin(hangul, "Hangul", "Hangul-Latin; Latin-ASCII");
    }

    /**
     * A name of the data set (given names first, surname last, as the set writes them) against its passport form:
     * surname first, each given name's syllables written as one word.
     */
    private List<Pair> nativeAndLatin(List<String[]> people, String nameClass, String rules) {
        List<Pair> out = new ArrayList<>();
        Transliterator latinOf = Transliterator.getInstance(rules);
        Map<String, List<String[]>> bySurname = bySurname(people);
        for (int k = 0; k < PER_CLASS && k < people.size(); k++) {
            String[] person = pick(people);
            String[] other = sameSurnameOther(bySurname, person);
            out.add(new Pair(nameClass, String.join(" ", person), passportForm(person, latinOf), true));
            out.add(new Pair(nameClass, String.join(" ", person), passportForm(other, latinOf), false));
        }
        return out;
    }

    private static String passportForm(String[] person, Transliterator latinOf) {
        StringBuilder out = new StringBuilder(
                capitalise(syllables(person[person.length - 1], latinOf).replace(" ", "")));
        for (int i = 0; i < person.length - 1; i++) {
            out.append(' ').append(capitalise(syllables(person[i], latinOf).replace(" ", "")));
        }
        return out.toString();
    }

    /** One word's syllables, one per character, separated by spaces (ICU writes Han character by character). */
    private static String syllables(String word, Transliterator latinOf) {
        List<String> out = new ArrayList<>();
        word.codePoints()
                .forEach(c -> out.add(latinOf.transliterate(new String(Character.toChars(c)))
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z]", "")));
        return String.join(" ", out);
    }

    /** Random names in scripts ICU cannot write in Latin: the same name twice is one person, two names two persons. */
    private List<Pair> unreadable() {
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < PER_CLASS / 2; k++) {
            int[] block = UNREAD_SCRIPTS[k % UNREAD_SCRIPTS.length];
            String given = syllableString(block, 2);
            String surname = syllableString(block, 2);
            out.add(new Pair("unreadable scripts", given + " " + surname, given + " " + surname, true));
            out.add(new Pair("unreadable scripts", given + " " + surname, surname + " " + given, true));
            out.add(new Pair(
                    "unreadable scripts",
                    given + " " + surname,
                    syllableString(block, 2) + " " + syllableString(block, 2),
                    false));
        }
        return out;
    }

    private String syllableString(int[] block, int syllables) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            out.appendCodePoint(block[0] + random.nextInt(block[1] - block[0] + 1));
            out.appendCodePoint(block[2] + random.nextInt(block[3] - block[2] + 1));
        }
        return out.toString();
    }

    // ---- romanisation systems ----

    /** A Han name in Pinyin against the same name in Wade-Giles ({@link WadeGiles}); against another name's Wade-Giles. */
    private List<Pair> wadeGiles() {
        List<Pair> out = new ArrayList<>();
        Transliterator latinOf = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        Map<String, List<String[]>> bySurname = bySurname(han);
        for (int k = 0; k < PER_CLASS && k < han.size(); k++) {
            String[] person = pick(han);
            String[] other = sameSurnameOther(bySurname, person);
            String pinyin = passportForm(person, latinOf);
            out.add(new Pair("Pinyin / Wade-Giles", pinyin, wadeGilesForm(person, latinOf), true));
            out.add(new Pair("Pinyin / Wade-Giles", pinyin, wadeGilesForm(other, latinOf), false));
        }
        return out;
    }

    private static String wadeGilesForm(String[] person, Transliterator latinOf) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < person.length - 1; i++) {
            for (String syllable : syllables(person[i], latinOf).split(" ")) {
                given.add(WadeGiles.of(syllable));
            }
        }
        List<String> surname = new ArrayList<>();
        for (String syllable : syllables(person[person.length - 1], latinOf).split(" ")) {
            surname.add(WadeGiles.of(syllable));
        }
        return capitalise(String.join("", surname)) + " " + capitalise(String.join("-", given));
    }

    /**
     * Listed (mostly Arabic) names rewritten by the other common transliteration conventions: the article el- for al-,
     * ou for u, "Abd al-X" as one word "Abdelx"; against a different listed person so rewritten.
     */
    private List<Pair> arabicVariants() {
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < PER_CLASS && k < listed.size(); k++) {
            String[] person = pick(listed);
            String[] other = pick(listed);
            String original = String.join(" ", person);
            String rewritten = arabicRewrite(person);
            if (rewritten.equalsIgnoreCase(original) || other == person) {
                continue;
            }
            out.add(new Pair("Arabic transliteration", original, rewritten, true));
            out.add(new Pair("Arabic transliteration", String.join(" ", other), rewritten, false));
        }
        return out;
    }

    private String arabicRewrite(String[] person) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < person.length; i++) {
            String word = person[i].toLowerCase(Locale.ROOT);
            if ((word.equals("abd") || word.equals("abdul"))
                    && i + 2 < person.length
                    && person[i + 1].equalsIgnoreCase("al")) {
                words.add("abdel" + person[i + 2].toLowerCase(Locale.ROOT));
                i += 2;
                continue;
            }
            if (word.equals("al")) {
                words.add("el");
            } else if (word.startsWith("al-")) {
                words.add("el-" + word.substring(3));
            } else if (word.length() >= 4 && word.indexOf('u') > 0 && random.nextBoolean()) {
                words.add(word.replaceFirst("u", "ou"));
            } else {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    // ---- given names ----

    /** A given name and its hypocorism from the public nicknames list, with a surname of the set; against an unrelated name. */
    private List<Pair> hypocorisms() {
        List<String[]> relations = new ArrayList<>();
        Map<String, Set<String>> related = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(nicknames, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                if (fields.length == 3 && fields[1].equals("has_nickname")) {
                    relations.add(new String[] {fields[0], fields[2]});
                    related.computeIfAbsent(fields[0], n -> new HashSet<>()).add(fields[2]);
                    related.computeIfAbsent(fields[2], n -> new HashSet<>()).add(fields[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < PER_CLASS; k++) {
            String[] relation = pick(relations);
            String[] bearer = pick(latin);
            String surname = bearer[bearer.length - 1];
            String[] unrelated = pick(relations);
            if (related.getOrDefault(relation[1], Set.of()).contains(unrelated[0])) {
                continue;
            }
            out.add(new Pair(
                    "hypocorisms",
                    capitalise(relation[0]) + " " + surname,
                    capitalise(relation[1]) + " " + surname,
                    true));
            out.add(new Pair(
                    "hypocorisms",
                    capitalise(unrelated[0]) + " " + surname,
                    capitalise(relation[1]) + " " + surname,
                    false));
        }
        return out;
    }

    /** A full name against the same name with its middle names (or the middle of a nasab) left out. */
    private List<Pair> subsets() {
        List<Pair> out = new ArrayList<>();
        List<String[]> long3 = new ArrayList<>();
        for (String[] person : latin) {
            if (person.length >= 3) {
                long3.add(person);
            }
        }
        for (String[] person : listed) {
            if (person.length >= 3) {
                long3.add(person);
            }
        }
        Map<String, List<String[]>> bySurname = bySurname(long3);
        for (int k = 0; k < PER_CLASS && !long3.isEmpty(); k++) {
            String[] person = pick(long3);
            String shortName = person[0] + " " + person[person.length - 1];
            out.add(new Pair("subset names", String.join(" ", person), shortName, true));
            String[] other = sameSurnameOther(bySurname, person);
            out.add(new Pair("subset names", String.join(" ", other), shortName, false));
        }
        return out;
    }

    // ---- noise and order ----

    /** Digits for look-alike letters (0/O, 1/I/l, 3/E, 5/S, 8/B…) in one or two places, or the words reversed. */
    private List<Pair> noise() {
        List<Pair> out = new ArrayList<>();
        List<String[]> people = new ArrayList<>(latin);
        people.addAll(listed);
        Map<String, List<String[]>> bySurname = bySurname(people);
        for (int k = 0; k < PER_CLASS; k++) {
            String[] person = pick(people);
            String name = String.join(" ", person).toUpperCase(Locale.ROOT);
            String noisy = k % 4 == 3 ? reversed(person).toUpperCase(Locale.ROOT) : ocr(name, 1 + random.nextInt(2));
            if (noisy.equals(name)) {
                continue;
            }
            out.add(new Pair("OCR and keyboard noise", name, noisy, true));
            String[] other = sameSurnameOther(bySurname, person);
            out.add(new Pair("OCR and keyboard noise", String.join(" ", other).toUpperCase(Locale.ROOT), noisy, false));
        }
        return out;
    }

    private String ocr(String name, int changes) {
        char[] letters = name.toCharArray();
        for (int c = 0; c < changes; c++) {
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < letters.length; i++) {
                if (OCR_LETTERS.indexOf(Character.toLowerCase(letters[i])) >= 0) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            int at = candidates.get(random.nextInt(candidates.size()));
            letters[at] = OCR_DIGITS.charAt(OCR_LETTERS.indexOf(Character.toLowerCase(letters[at])));
        }
        return new String(letters);
    }

    private static String reversed(String[] person) {
        List<String> words = new ArrayList<>(List.of(person));
        java.util.Collections.reverse(words);
        return String.join(" ", words);
    }

    /**
     * Arabic nasab chains built from given names of the listed persons: "X bin Y" against "Y bin X" names two people;
     * "X bin Y Z" against "X Y Z" or "X ibn Y Z" names one.
     */
    private List<Pair> nasab() {
        List<String> given = new ArrayList<>();
        for (String[] person : listed) {
            String first = person[0].toLowerCase(Locale.ROOT);
            if (first.length() >= 4 && !first.startsWith("al") && first.matches("[a-z]+")) {
                given.add(capitalise(first));
            }
        }
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < PER_CLASS && given.size() > 3; k++) {
            String x = pick(given);
            String y = pick(given);
            String z = pick(given);
            if (x.equals(y) || y.equals(z) || x.equals(z)) {
                continue;
            }
            out.add(new Pair("nasab order", x + " bin " + y + " " + z, x + " " + y + " " + z, true));
            out.add(new Pair("nasab order", x + " bin " + y + " " + z, x + " ibn " + y + " " + z, true));
            out.add(new Pair("nasab order", x + " bin " + y, y + " bin " + x, false));
            out.add(new Pair("nasab order", x + " bin " + y + " " + z, y + " bin " + x + " " + z, false));
        }
        return out;
    }

    /** A Han or Hangul name against the same with one given-name character replaced by another of the set's. */
    private List<Pair> oneCharacterApart() {
        List<Pair> out = new ArrayList<>();
        for (List<String[]> people : List.of(han, hangul)) {
            List<Integer> characters = new ArrayList<>();
            for (String[] person : people) {
                person[0].codePoints().forEach(characters::add);
            }
            for (int k = 0; k < PER_CLASS / 2 && !people.isEmpty(); k++) {
                String[] person = pick(people);
                int[] given = person[0].codePoints().toArray();
                int at = random.nextInt(given.length);
                int replacement = characters.get(random.nextInt(characters.size()));
                if (replacement == given[at]) {
                    continue;
                }
                int[] changed = given.clone();
                changed[at] = replacement;
                String[] other = person.clone();
                other[0] = new String(changed, 0, changed.length);
                out.add(new Pair(
                        "Han / Hangul one character apart", String.join(" ", person), String.join(" ", other), false));
                // the same person written surname first and without spaces, as the script writes it
                out.add(new Pair(
                        "Han / Hangul one character apart",
                        String.join(" ", person),
                        person[person.length - 1]
                                + String.join("", List.of(person).subList(0, person.length - 1)),
                        true));
            }
        }
        return out;
    }

    // ---- helpers ----

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static Map<String, List<String[]>> bySurname(List<String[]> people) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (String[] person : people) {
            out.computeIfAbsent(person[person.length - 1].toLowerCase(Locale.ROOT), s -> new ArrayList<>())
                    .add(person);
        }
        return out;
    }

    /** Another person with the same surname when the set has one (a hard negative), else any other person. */
    private String[] sameSurnameOther(Map<String, List<String[]>> bySurname, String[] person) {
        List<String[]> same = bySurname.getOrDefault(person[person.length - 1].toLowerCase(Locale.ROOT), List.of());
        List<String[]> others = new ArrayList<>();
        for (String[] candidate : same) {
            if (!String.join(" ", candidate).equals(String.join(" ", person))) {
                others.add(candidate);
            }
        }
        if (!others.isEmpty()) {
            return pick(others);
        }
        List<String[]> all = new ArrayList<>();
        bySurname.values().forEach(all::addAll);
        String[] other;
        do {
            other = pick(all);
        } while (other == person && all.size() > 1);
        return other;
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** The script of a name's letters: Latin, Han, Hangul, or other (mixed or kana counts as other). */
    static String script(String name) {
        Set<Character.UnicodeScript> scripts = new HashSet<>();
        name.codePoints().filter(Character::isLetter).forEach(c -> scripts.add(Character.UnicodeScript.of(c)));
        if (scripts.size() != 1) {
            return "other";
        }
        return switch (scripts.iterator().next()) {
            case LATIN -> "Latin";
            case HAN -> "Han";
            case HANGUL -> "Hangul";
            default -> "other";
        };
    }
}
