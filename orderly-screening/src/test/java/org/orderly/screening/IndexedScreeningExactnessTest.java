package org.orderly.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.orderly.screening.compare.BirthDate;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.JaroWinkler;
import org.orderly.screening.compare.MatchKind;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.compare.SpellingVariants;
import org.orderly.screening.normalise.NameNormaliser;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;

/**
 * The candidate index is an optimisation: on random lists and perturbed queries, screening through it returns exactly
 * the hits that scoring every listed name returns, with the same scores, since the comparator accepts only token pairs
 * the index enumerates.
 */
class IndexedScreeningExactnessTest {
    private static final String LETTERS = "abdeghiklmnorstuyz";
    private static final String[] PARTICLES = {"al", "bin", "van", "de"};
    private static final String[] NATIONALITIES = {"EGY", "NLD", "FRA"};

    @Test
    void indexReturnsExactlyTheExhaustiveHitsOnRandomLists() {
        int exhaustiveHits = 0;
        int initialsOnly = 0;
        int hypocorismHits = 0;
        int compoundHits = 0;
        for (int seed = 0; seed < 600; seed++) {
            Random random = new Random(seed);
            // Listed words far apart from each other, so that near matches come mostly from the perturbations.
            List<String> vocabulary = new ArrayList<>();
            int wanted = 6 + random.nextInt(20);
            for (int attempt = 0; attempt < 500 && vocabulary.size() < wanted; attempt++) {
                String candidate = word(random);
                if (vocabulary.stream().allMatch(other -> farApart(candidate, other))) {
                    vocabulary.add(candidate);
                }
            }
            List<PersonEntry> persons = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                List<String> aliases = random.nextInt(5) == 0 ? List.of(name(random, vocabulary)) : List.of();
                persons.add(new PersonEntry(
                        "p" + i,
                        name(random, vocabulary),
                        aliases,
                        birthDate(random),
                        random.nextBoolean() ? NATIONALITIES[random.nextInt(NATIONALITIES.length)] : null));
            }
            // Hypocorism groups over the vocabulary (as a nicknames list would give), so that the index must also
            // propose the pairs the list relates.
            java.util.Map<String, List<String>> nicknames = new java.util.HashMap<>();
            for (int g = 0; g < vocabulary.size() / 3; g++) {
                nicknames
                        .computeIfAbsent(vocabulary.get(random.nextInt(vocabulary.size())), n -> new ArrayList<>())
                        .add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            NameComparator comparator = new NameComparator(
                    new NameNormaliser(), NameComparator.DEFAULT_THRESHOLD, GivenNameVariants.of(nicknames));
            Screener screener = new Screener(List.of(new Watchlist("random", persons, List.of())), comparator);
            for (int q = 0; q < 8; q++) {
                String base =
                        random.nextBoolean() ? persons.get(random.nextInt(size)).name() : name(random, vocabulary);
                String query = perturb(random, base);
                PersonDetails person = new PersonDetails(
                        query,
                        birthDate(random),
                        random.nextBoolean() ? NATIONALITIES[random.nextInt(NATIONALITIES.length)] : null);
                if (screener.comparator().features(query).wordCount() == 0) {
                    initialsOnly++;
                }
                Set<String> expected = ids(screener.screenExhaustively(person));
                Set<String> indexed = ids(screener.screen(person));
                assertThat(indexed)
                        .as(
                                "index hits for %s are the exhaustive hits with the same score (seed %d, list %s)",
                                query, seed, persons)
                        .isEqualTo(expected);
                exhaustiveHits += expected.size();
                for (Hit hit : screener.screenExhaustively(person)) {
                    if (hit.explanation().matches().stream().anyMatch(m -> m.kind() == MatchKind.HYPOCORISM)) {
                        hypocorismHits++;
                    }
                    if (hit.explanation().matches().stream().anyMatch(m -> m.kind() == MatchKind.COMPOUND)) {
                        compoundHits++;
                    }
                }
            }
        }
        assertThat(exhaustiveHits).as("the random lists exercise the index").isGreaterThan(1_000);
        assertThat(compoundHits)
                .as("hits through parts written as one are among the hits checked")
                .isGreaterThan(20);
        assertThat(initialsOnly)
                .as("queries of initials alone are among the shapes checked")
                .isGreaterThan(20);
        assertThat(hypocorismHits)
                .as("hits through a hypocorism are among the hits checked")
                .isGreaterThan(20);
    }

    /**
     * Two query words against two listed words written as one, the boundary between them elsewhere ("abdu lrahman" for
     * "abdul rahman"), with or without one letter edited: the index reads the names of such a listed pair only when the
     * reading by words cannot find them, i.e. unless each query word links its listed word one to one. A boundary moved
     * by a letter or two leaves one word, both or neither so linked, depending on the words' lengths; every case must
     * still return the exhaustive hits.
     */
    @Test
    void indexReturnsExactlyTheExhaustiveHitsWhenTwoPartsAreSplitElsewhere() {
        int exhaustiveHits = 0;
        int twoAgainstTwo = 0;
        for (int seed = 0; seed < 500; seed++) {
            Random random = new Random(5_000 + seed);
            List<String> vocabulary = new ArrayList<>();
            int wanted = 6 + random.nextInt(14);
            for (int attempt = 0; attempt < 500 && vocabulary.size() < wanted; attempt++) {
                String candidate = word(random);
                if (vocabulary.stream().allMatch(other -> farApart(candidate, other))) {
                    vocabulary.add(candidate);
                }
            }
            List<PersonEntry> persons = new ArrayList<>();
            int size = 1 + random.nextInt(30);
            for (int i = 0; i < size; i++) {
                List<String> parts = new ArrayList<>();
                int count = 2 + random.nextInt(3);
                for (int p = 0; p < count; p++) {
                    parts.add(vocabulary.get(random.nextInt(vocabulary.size())));
                }
                persons.add(new PersonEntry("p" + i, String.join(" ", parts), List.of(), birthDate(random), null));
            }
            Screener screener = new Screener(List.of(new Watchlist("split", persons, List.of())));
            for (int q = 0; q < 8; q++) {
                List<String> parts = new ArrayList<>(
                        List.of(persons.get(random.nextInt(size)).name().split(" ")));
                int p = random.nextInt(parts.size() - 1);
                String joined = parts.get(p) + parts.get(p + 1);
                int cut = parts.get(p).length() + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
                if (cut < 1 || cut >= joined.length()) {
                    continue;
                }
                parts.set(p, joined.substring(0, cut));
                parts.set(p + 1, joined.substring(cut));
                if (random.nextInt(3) == 0) { // one letter replaced, anywhere
                    int w = random.nextInt(parts.size());
                    String word = parts.get(w);
                    int at = random.nextInt(word.length());
                    parts.set(
                            w,
                            word.substring(0, at)
                                    + LETTERS.charAt(random.nextInt(LETTERS.length()))
                                    + word.substring(at + 1));
                }
                if (parts.size() > 2 && random.nextInt(3) == 0) { // a part of the listed name left out
                    int w = random.nextInt(parts.size());
                    if (w != p && w != p + 1) {
                        parts.remove(w);
                    }
                }
                String query = String.join(" ", parts);
                PersonDetails person = new PersonDetails(query, birthDate(random), null);
                List<Hit> exhaustive = screener.screenExhaustively(person);
                assertThat(ids(screener.screen(person)))
                        .as(
                                "index hits for %s are the exhaustive hits (seed %d, list %s)",
                                query, 5_000 + seed, persons)
                        .isEqualTo(ids(exhaustive));
                exhaustiveHits += exhaustive.size();
                for (Hit hit : exhaustive) {
                    if (hit.explanation().matches().stream()
                            .anyMatch(m -> m.kind() == MatchKind.COMPOUND
                                    && m.left().contains(" ")
                                    && m.right().contains(" "))) {
                        twoAgainstTwo++;
                    }
                }
            }
        }
        assertThat(exhaustiveHits).as("the lists exercise the index").isGreaterThan(1_000);
        assertThat(twoAgainstTwo)
                .as("hits through two words against two written as one are among those checked")
                .isGreaterThan(1_000);
    }

    /**
     * Names written in Han or Hangul: the index skips the names of the query's own script whose characters differ (the
     * comparator caps those pairs) and must still return every exhaustive hit, among homophones, the same characters in
     * another order, the Latin reading of a listed name, and names in the other script.
     */
    @Test
    void indexReturnsExactlyTheExhaustiveHitsForHanAndHangulNames() {
        com.ibm.icu.text.Transliterator hanToLatin =
                com.ibm.icu.text.Transliterator.getInstance("Han-Latin; Latin-ASCII");
        int exhaustiveHits = 0;
        int crossScriptHits = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            // Few characters, so that homophones and shared characters are common.
            String[] han = new String[8 + random.nextInt(12)];
            for (int c = 0; c < han.length; c++) {
                han[c] = String.valueOf((char) (0x4E00 + random.nextInt(0x300)));
            }
            String[] hangul = new String[8 + random.nextInt(12)];
            for (int c = 0; c < hangul.length; c++) {
                hangul[c] = String.valueOf((char) (0xAC00 + random.nextInt(0x200)));
            }
            List<PersonEntry> persons = new ArrayList<>();
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                String name = nativeName(random, random.nextBoolean() ? han : hangul);
                if (random.nextInt(4) == 0 && name.codePointAt(0) < 0xAC00) {
                    name = hanToLatin.transliterate(name); // the listed person's passport form
                }
                persons.add(new PersonEntry("p" + i, name, List.of(), birthDate(random), null));
            }
            Screener screener = new Screener(List.of(new Watchlist("native", persons, List.of())));
            for (int q = 0; q < 8; q++) {
                String base = random.nextBoolean()
                        ? persons.get(random.nextInt(size)).name()
                        : nativeName(random, random.nextBoolean() ? han : hangul);
                String query = switch (random.nextInt(5)) {
                    case 0 -> base;
                    case 1 -> new StringBuilder(base).reverse().toString().trim(); // the characters in another order
                    case 2 -> base.codePointAt(0) < 0xAC00 ? hanToLatin.transliterate(base) : base;
                    default -> { // one character replaced by another of the same script (often a homophone)
                        int at = random.nextInt(base.length());
                        String[] pool = base.codePointAt(0) >= 0xAC00 ? hangul : han;
                        yield base.codePointAt(at) < 0x1100
                                ? base
                                : base.substring(0, at) + pool[random.nextInt(pool.length)] + base.substring(at + 1);
                    }
                };
                PersonDetails person = new PersonDetails(query, birthDate(random), null);
                List<Hit> exhaustive = screener.screenExhaustively(person);
                assertThat(ids(screener.screen(person)))
                        .as("index hits for %s are the exhaustive hits (seed %d, list %s)", query, seed, persons)
                        .isEqualTo(ids(exhaustive));
                exhaustiveHits += exhaustive.size();
                for (Hit hit : exhaustive) {
                    if (hit.matchedName().codePointAt(0) < 0x1100 != query.codePointAt(0) < 0x1100) {
                        crossScriptHits++;
                    }
                }
            }
        }
        assertThat(exhaustiveHits)
                .as("the native-script lists exercise the index")
                .isGreaterThan(300);
        assertThat(crossScriptHits)
                .as("hits between a Han name and its Latin reading are among those checked")
                .isGreaterThan(20);
    }

    /**
     * Names of the classes issue 26 added rules for: listed names longer than the query (patronymics between given name
     * and surname), grammatical forms of surnames (Ivanov/Ivanova, Kowalski/Kowalska, Petrauskas/Petrauskiene),
     * Pinyin against Wade-Giles and Revised Romanization against McCune-Reischauer (hyphenated syllables too), Khmer,
     * Ethiopic and Bengali script, and two letters wrong in a word of six or seven letters. Each rule widens what the
     * comparator accepts, so the index (its keys and its bound) must follow; this checks it does, on random lists.
     */
    @Test
    void indexReturnsExactlyTheExhaustiveHitsForTheNameClassesOfIssue26() {
        com.ibm.icu.text.Transliterator pinyinOf =
                com.ibm.icu.text.Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        com.ibm.icu.text.Transliterator revised =
                com.ibm.icu.text.Transliterator.getInstance("Hangul-Latin; Latin-ASCII; Lower");
        com.ibm.icu.text.Transliterator mccune =
                com.ibm.icu.text.Transliterator.getInstance("NFD; Korean-Latin/BGN; NFC; Latin-ASCII; Lower");
        String[] stems = {
            "ivanov",
            "petrov",
            "kowalsk",
            "novak",
            "petrausk",
            "berzin",
            "ozol",
            "kovalevsk",
            "jonait",
            "smirnov",
            "dvorak",
            "lucas"
        };
        String[] scripts = {
            "ហ៊ុន សែន", "សម រង្ស៊ី", "ከሬን መትትሄው", "ቶማስ ጆንሰን", "কিরণ শ্রেষ্‍ঠ", "মুহাম্মদ ইউনূস", "নরোত্তম", "ហេង សំរិន"
        };
        java.util.Map<MatchKind, Integer> hitsByKind = new java.util.EnumMap<>(MatchKind.class);
        int exhaustiveHits = 0;
        int orderedHits = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(1_000 + seed);
            List<String> vocabulary = new ArrayList<>();
            java.util.Map<String, String> mccuneOf = new java.util.HashMap<>();
            for (int w = 0; w < 6 + random.nextInt(10); w++) {
                vocabulary.add(
                        switch (random.nextInt(6)) {
                            case 0, 5 -> inflected(random, stems[random.nextInt(stems.length)]);
                            case 1 -> syllables(random, pinyinOf, 0x4E00, 0x300);
                            case 2 -> {
                                // A Korean given name of two syllables, and how McCune-Reischauer writes it (Chong-il).
                                char one = (char) (0xAC00 + random.nextInt(0x400));
                                char two = (char) (0xAC00 + random.nextInt(0x400));
                                String rr =
                                        revised.transliterate(one + "" + two).replaceAll("[^a-z]", "");
                                mccuneOf.put(
                                        rr,
                                        mccune.transliterate(String.valueOf(one))
                                                        .replaceAll("[^a-z]", "") + "-"
                                                + mccune.transliterate(String.valueOf(two))
                                                        .replaceAll("[^a-z]", ""));
                                yield rr;
                            }
                            default -> word(random);
                        });
            }
            List<PersonEntry> persons = new ArrayList<>();
            int size = 1 + random.nextInt(30);
            for (int i = 0; i < size; i++) {
                String name =
                        random.nextInt(8) == 0 ? scripts[random.nextInt(scripts.length)] : longName(random, vocabulary);
                persons.add(new PersonEntry("p" + i, name, List.of(), birthDate(random), null));
            }
            Screener screener = new Screener(List.of(new Watchlist("classes", persons, List.of())));
            for (int q = 0; q < 8; q++) {
                String base = persons.get(random.nextInt(size)).name();
                String query = classPerturbation(random, base, mccuneOf, stems);
                PersonDetails person = new PersonDetails(query, birthDate(random), null);
                List<Hit> exhaustive = screener.screenExhaustively(person);
                assertThat(ids(screener.screen(person)))
                        .as(
                                "index hits for %s are the exhaustive hits (seed %d, list %s)",
                                query, 1_000 + seed, persons)
                        .isEqualTo(ids(exhaustive));
                exhaustiveHits += exhaustive.size();
                for (Hit hit : exhaustive) {
                    hit.explanation().matches().stream()
                            .map(m -> m.kind())
                            .distinct()
                            .forEach(kind -> hitsByKind.merge(kind, 1, Integer::sum));
                    int queryWords = screener.comparator().features(query).wordCount();
                    if (queryWords >= 2
                            && screener.comparator().features(hit.matchedName()).wordCount() >= queryWords + 2) {
                        orderedHits++;
                    }
                }
            }
        }
        assertThat(exhaustiveHits).as("the lists exercise the index").isGreaterThan(1_000);
        assertThat(orderedHits)
                .as("hits of a short query on a listed name two words longer")
                .isGreaterThan(50);
        for (MatchKind kind : List.of(MatchKind.INFLECTION, MatchKind.ROMANISATION, MatchKind.TWO_LETTERS)) {
            assertThat(hitsByKind.getOrDefault(kind, 0))
                    .as("hits through %s are among those checked (%s)", kind, hitsByKind)
                    .isGreaterThanOrEqualTo(10); // most grammatical forms are also a typo or a skeleton apart
        }
    }

    /**
     * Korean names as their bearers spell them ({@code KoreanSpellings}): surnames in their several spellings (Park,
     * Pak, Bak; Lee, Yi, Rhee, Ri), given names in Revised Romanization, and queries with popular spellings of the given
     * name's syllables (Suk for Seok, Joon for Jun), written as one word or as two, surnames swapped for another
     * spelling, and names written in Hangul. The popular spellings widen what the comparator accepts, one word against
     * one and two words written as one against one word, so the index's keys must follow.
     */
    @Test
    void indexReturnsExactlyTheExhaustiveHitsForKoreanNamesAsTheirBearersSpellThem() {
        com.ibm.icu.text.Transliterator revised =
                com.ibm.icu.text.Transliterator.getInstance("Hangul-Latin; Latin-ASCII; Lower");
        String[][] surnames = {
            {"park", "pak", "bak", "박"},
            {"lee", "yi", "rhee", "ri", "이"},
            {"choi", "choe", "chey", "최"},
            {"chung", "jung", "jeong", "chong", "정"},
            {"roh", "noh", "no", "노"},
            {"ahn", "an", "안"},
            {"yoon", "yun", "youn", "윤"},
            {"kim", "gim", "김"}
        };
        java.util.Map<MatchKind, Integer> hitsByKind = new java.util.EnumMap<>(MatchKind.class);
        int exhaustiveHits = 0;
        int popularHits = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(7_000 + seed);
            // Given names: two Hangul syllables, in Revised Romanization and in a popular spelling per syllable.
            List<char[]> given = new ArrayList<>();
            for (int g = 0; g < 3 + random.nextInt(6); g++) {
                given.add(
                        new char[] {(char) (0xAC00 + random.nextInt(0x600)), (char) (0xAC00 + random.nextInt(0x600))});
            }
            List<PersonEntry> persons = new ArrayList<>();
            List<String[]> shapes = new ArrayList<>(); // surname row, given-name index, of each listed name
            int size = 1 + random.nextInt(25);
            for (int i = 0; i < size; i++) {
                int surname = random.nextInt(surnames.length);
                int name = random.nextInt(given.size());
                char[] syllables = given.get(name);
                String[] row = surnames[surname];
                String listed = random.nextInt(4) == 0
                        ? row[row.length - 1] + syllables[0] + syllables[1]
                        : row[random.nextInt(row.length - 1)] + " "
                                + revised.transliterate(new String(syllables)).replaceAll("[^a-z]", "");
                persons.add(new PersonEntry("p" + i, listed, List.of(), birthDate(random), null));
                shapes.add(new String[] {String.valueOf(surname), String.valueOf(name)});
            }
            Screener screener = new Screener(List.of(new Watchlist("korean", persons, List.of())));
            for (int q = 0; q < 8; q++) {
                int at = random.nextInt(size);
                String[] row = surnames[Integer.parseInt(shapes.get(at)[0])];
                char[] syllables = given.get(
                        random.nextInt(3) == 0 ? random.nextInt(given.size()) : Integer.parseInt(shapes.get(at)[1]));
                String[] spelled = new String[2];
                for (int k = 0; k < 2; k++) {
                    String rr =
                            revised.transliterate(String.valueOf(syllables[k])).replaceAll("[^a-z]", "");
                    List<String> popular = org.orderly.screening.compare.KoreanSpellings.popularSpellings(rr);
                    spelled[k] = popular.isEmpty() || random.nextInt(4) == 0
                            ? rr
                            : popular.get(random.nextInt(popular.size()));
                }
                String surname = row[random.nextInt(row.length - 1)];
                String query = switch (random.nextInt(4)) {
                    case 0 -> surname + " " + spelled[0] + " " + spelled[1]; // Park Chung Hee
                    case 1 -> spelled[0] + "-" + spelled[1] + " " + surname; // Myung-bak Lee
                    case 2 -> row[row.length - 1] + syllables[0] + syllables[1]; // in Hangul
                    default -> surname + " " + spelled[0] + spelled[1];
                };
                PersonDetails person = new PersonDetails(query, birthDate(random), null);
                List<Hit> exhaustive = screener.screenExhaustively(person);
                assertThat(ids(screener.screen(person)))
                        .as(
                                "index hits for %s are the exhaustive hits (seed %d, list %s)",
                                query, 7_000 + seed, persons)
                        .isEqualTo(ids(exhaustive));
                exhaustiveHits += exhaustive.size();
                for (Hit hit : exhaustive) {
                    boolean popular = false;
                    for (var match : hit.explanation().matches()) {
                        hitsByKind.merge(match.kind(), 1, Integer::sum);
                        popular |= (match.kind() == MatchKind.ROMANISATION
                                        || match.kind() == MatchKind.KOREAN_SYLLABLE
                                        || match.kind() == MatchKind.COMPOUND)
                                && !match.left().equals(match.right());
                    }
                    popularHits += popular ? 1 : 0;
                }
            }
        }
        assertThat(exhaustiveHits).as("the lists exercise the index").isGreaterThan(500);
        assertThat(popularHits)
                .as("hits through another spelling of a Korean name (%s)", hitsByKind)
                .isGreaterThan(200);
        assertThat(hitsByKind.getOrDefault(MatchKind.COMPOUND, 0))
                .as("two syllables written apart against one word")
                .isGreaterThan(20);
    }

    /** The stem with a grammatical ending, or a word that only looks like one. */
    private static String inflected(Random random, String stem) {
        String[] endings = {"", "a", "s", "as", "is", "ova", "i", "y", "aya", "iene", "aite", "yte", "us"};
        return stem + endings[random.nextInt(endings.length)];
    }

    /** Two or three syllables of Han (as Pinyin) or Hangul (as Revised Romanization) characters, as one word. */
    private static String syllables(Random random, com.ibm.icu.text.Transliterator latin, int first, int range) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < 2 + random.nextInt(2); s++) {
            out.append(latin.transliterate(String.valueOf((char) (first + random.nextInt(range))))
                    .replaceAll("[^a-z]", ""));
        }
        return out.length() < 2 ? "ma" + out : out.toString();
    }

    /** Two to six parts: given name, patronymics or tribal names, surname. */
    private static String longName(Random random, List<String> vocabulary) {
        List<String> parts = new ArrayList<>();
        int count = 2 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            parts.add(
                    i > 0 && i + 1 < count && random.nextInt(6) == 0
                            ? "bin"
                            : vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return String.join(" ", parts);
    }

    private static String classPerturbation(
            Random random, String name, java.util.Map<String, String> mccuneOf, String[] stems) {
        List<String> parts = new ArrayList<>(List.of(name.split(" ")));
        switch (random.nextInt(6)) {
            case 0 -> { // the short form: first and last part only
                if (parts.size() > 2) {
                    parts = new ArrayList<>(List.of(parts.get(0), parts.get(parts.size() - 1)));
                }
            }
            case 1 -> { // another grammatical form of every part that has one
                for (int p = 0; p < parts.size(); p++) {
                    for (String stem : stems) {
                        if (parts.get(p).startsWith(stem)) {
                            parts.set(p, inflected(random, stem));
                        }
                    }
                }
            }
            case 2 -> { // a Pinyin part in Wade-Giles, syllables hyphenated
                int p = random.nextInt(parts.size());
                StringBuilder wadeGiles = new StringBuilder();
                String word = parts.get(p);
                for (int at = 0; at < word.length(); ) {
                    int end = Math.min(word.length(), at + 6);
                    while (end > at + 1
                            && !org.orderly.screening.compare.Romanisations.syllable(word.substring(at, end))) {
                        end--;
                    }
                    String syllable = word.substring(at, end);
                    wadeGiles
                            .append(wadeGiles.length() > 0 ? "-" : "")
                            .append(org.orderly.screening.compare.WadeGiles.of(syllable)
                                    .replace("'", ""));
                    at = end;
                }
                parts.set(p, wadeGiles.toString());
            }
            case 3 -> { // two letters wrong in a part of six or seven letters
                int p = random.nextInt(parts.size());
                char[] letters = parts.get(p).toCharArray();
                for (int e = 0; e < 2 && letters.length > 1; e++) {
                    letters[random.nextInt(letters.length)] = LETTERS.charAt(random.nextInt(LETTERS.length()));
                }
                parts.set(p, new String(letters));
            }
            case 4 -> // a Korean name read by McCune-Reischauer instead of Revised Romanization
                parts.replaceAll(part -> mccuneOf.getOrDefault(part, part));
            default -> java.util.Collections.reverse(parts);
        }
        return String.join(" ", parts);
    }

    /** Two or three characters, with or without a space after the first (the surname). */
    private static String nativeName(Random random, String[] characters) {
        StringBuilder name = new StringBuilder();
        int length = 2 + random.nextInt(2);
        for (int c = 0; c < length; c++) {
            name.append(characters[random.nextInt(characters.length)]);
            if (c == 0 && random.nextBoolean()) {
                name.append(' ');
            }
        }
        return name.toString();
    }

    private static boolean farApart(String a, String b) {
        return JaroWinkler.similarity(a, b) < 0.7
                && JaroWinkler.similarity(SpellingVariants.variant(a), SpellingVariants.variant(b)) < 0.7
                && !a.startsWith(b)
                && !b.startsWith(a);
    }

    private static Set<String> ids(List<Hit> hits) {
        Set<String> ids = new TreeSet<>();
        for (Hit hit : hits) {
            ids.add(hit.entry().id() + "@" + hit.score());
        }
        return ids;
    }

    private static BirthDate birthDate(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return null;
            case 1:
                return BirthDate.ofYear(1960 + random.nextInt(8));
            default:
                return new BirthDate(1960 + random.nextInt(8), 1 + random.nextInt(2), 1 + random.nextInt(2));
        }
    }

    private static String word(Random random) {
        StringBuilder out = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int i = 0; i < length; i++) {
            out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    private static String name(Random random, List<String> vocabulary) {
        List<String> parts = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(12);
            if (kind == 0 && i + 1 < count) {
                parts.add(PARTICLES[random.nextInt(PARTICLES.length)]);
            } else if (kind == 1) {
                parts.add(String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length()))));
            } else {
                parts.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
        }
        return String.join(" ", parts);
    }

    /**
     * A word dropped, the order reversed, initials alone, list order or look-alike digits, and up to two letter edits (replaced, dropped, inserted, neighbours swapped):
     * within and beyond what the comparator accepts as a typo, so that both sides of its bound are exercised.
     */
    private static String perturb(Random random, String name) {
        List<String> parts = new ArrayList<>(List.of(name.split(" ")));
        int p = random.nextInt(parts.size());
        int structure = random.nextInt(8);
        switch (structure) {
            case 3:
                parts.replaceAll(part -> part.substring(0, 1)); // initials alone: "j r" for "john ross"
                break;
            case 4:
                if (parts.size() > 1) { // list order: "ross, john"
                    parts.add(0, parts.remove(parts.size() - 1) + ",");
                }
                break;
            case 5:
                parts.set(p, parts.get(p).replace('o', '0').replace('s', '5')); // look-alike digits
                break;
            case 0:
                if (parts.size() > 1) {
                    parts.remove(p);
                }
                break;
            case 2:
                java.util.Collections.reverse(parts);
                break;
            case 6:
                if (p + 1 < parts.size()) { // two parts written as one: "abdulrahman" for "abdul rahman"
                    parts.set(p, parts.get(p) + parts.remove(p + 1));
                }
                break;
            case 7:
                if (parts.get(p).length() >= 4) { // one part written as two: "abdul rahman" for "abdulrahman"
                    String word = parts.get(p);
                    int cut = 1 + random.nextInt(word.length() - 1);
                    parts.set(p, word.substring(0, cut));
                    parts.add(p + 1, word.substring(cut));
                }
                break;
            default:
                break;
        }
        int edits = structure == 3 ? 0 : random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            p = random.nextInt(parts.size());
            String word = parts.get(p);
            int at = random.nextInt(word.length());
            char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
            switch (random.nextInt(4)) {
                case 0:
                    parts.set(p, word.substring(0, at) + letter + word.substring(at + 1));
                    break;
                case 1:
                    if (word.length() > 1) {
                        parts.set(p, word.substring(0, at) + word.substring(at + 1));
                    }
                    break;
                case 2:
                    parts.set(p, word.substring(0, at) + letter + word.substring(at));
                    break;
                default:
                    if (at + 1 < word.length()) {
                        parts.set(
                                p,
                                word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2));
                    }
            }
        }
        return String.join(" ", parts);
    }
}
