package org.orderly.screening.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.orderly.screening.normalise.NameNormaliser;

/**
 * Compares two names (and, when known, birth dates and nationalities) into an explained score in [0,1]: tokens are
 * aligned greedily by their best similarity (exact, transliteration variant, consonant skeleton, phonetic code, typo,
 * initial, or two parts written as one), then the aligned weight is divided by the weight of both names, with missing
 * parts of the longer name costing half as much as unmatched parts of the shorter one.
 */
public final class NameComparator {
    /** The score at or above which two persons are taken to be the same; chosen on the development set, see docs. */
    public static final double DEFAULT_THRESHOLD = 0.86;
    /** Tokens of a name taken into account; later ones are ignored (lists carry very long alias strings). */
    public static final int MAX_TOKENS = 12;

    private final NameNormaliser normaliser;
    private final double threshold;
    private final GivenNameVariants givenNames;
    private final PartFrequencies frequencies;
    private final int listedNames;

    public NameComparator() {
        this(new NameNormaliser(), DEFAULT_THRESHOLD);
    }

    public NameComparator(NameNormaliser normaliser, double threshold) {
        this(normaliser, threshold, GivenNameVariants.BUILT_IN);
    }

    /**
     * A comparator that also accepts a given name for its hypocorism from this list (the other constructors use
     * {@link GivenNameVariants#BUILT_IN}; pass {@code BUILT_IN.with(list)} to keep those too).
     */
    public NameComparator(NameNormaliser normaliser, double threshold, GivenNameVariants givenNames) {
        this(normaliser, threshold, givenNames, PartFrequencies.NONE, 0);
    }

    private NameComparator(
            NameNormaliser normaliser,
            double threshold,
            GivenNameVariants givenNames,
            PartFrequencies frequencies,
            int listedNames) {
        this.frequencies = java.util.Objects.requireNonNull(frequencies, "frequencies");
        this.listedNames = listedNames;
        this.givenNames = java.util.Objects.requireNonNull(givenNames, "givenNames");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0,1]: " + threshold);
        }
        this.normaliser = normaliser;
        this.threshold = threshold;
    }

    /**
     * This comparator weighing parts by how often they occur among {@code listedNames} listed names (the screener gives
     * the index's counts): a shorter name found in order in a longer one is credited as such only when one of its
     * words is not common on the list.
     */
    public NameComparator withPartFrequencies(PartFrequencies frequencies, int listedNames) {
        return new NameComparator(normaliser, threshold, givenNames, frequencies, listedNames);
    }

    public double threshold() {
        return threshold;
    }

    public NameNormaliser normaliser() {
        return normaliser;
    }

    public GivenNameVariants givenNames() {
        return givenNames;
    }

    public NameFeatures features(String name) {
        return NameFeatures.of(normaliser.normalise(name));
    }

    /** Compares two bare names. */
    public Comparison compare(String left, String right) {
        return compare(features(left), null, null, features(right), null, null);
    }

    /** Compares two persons, using birth date and nationality where both sides know them. */
    public Comparison compare(PersonDetails left, PersonDetails right) {
        return compare(
                features(left.name()),
                left.birthDate(),
                left.nationality(),
                features(right.name()),
                right.birthDate(),
                right.nationality());
    }

    /** The score alone, without building an explanation (the screening hot path). */
    public double score(
            NameFeatures left,
            BirthDate leftBirth,
            String leftNationality,
            NameFeatures right,
            BirthDate rightBirth,
            String rightNationality) {
        Alignment alignment =
                canonicalAlign(left.tokens(), right.tokens(), writtenInHangul(left, right), writtenInHan(left, right));
        return combine(
                nameScore(left, right, alignment),
                birthDateAdjustment(leftBirth, rightBirth),
                nationalityAdjustment(leftNationality, rightNationality));
    }

    /** Compares prepared names and explains the result. */
    public Comparison compare(
            NameFeatures left,
            BirthDate leftBirth,
            String leftNationality,
            NameFeatures right,
            BirthDate rightBirth,
            String rightNationality) {
        Alignment alignment =
                canonicalAlign(left.tokens(), right.tokens(), writtenInHangul(left, right), writtenInHan(left, right));
        double birth = birthDateAdjustment(leftBirth, rightBirth);
        double nationality = nationalityAdjustment(leftNationality, rightNationality);
        double nameScore = nameScore(left, right, alignment);
        double score = combine(nameScore, birth, nationality);
        List<TokenFeatures> a = limit(left.tokens());
        List<TokenFeatures> b = limit(right.tokens());
        List<TokenMatch> matches = new ArrayList<>();
        for (int k = 0; k < alignment.count; k++) {
            matches.add(new TokenMatch(
                    text(a, alignment.leftMask[k]),
                    text(b, alignment.rightMask[k]),
                    alignment.kind[k],
                    round(alignment.similarity[k])));
        }
        List<String> unmatchedLeft = unmatched(a, alignment.usedLeft);
        List<String> unmatchedRight = unmatched(b, alignment.usedRight);
        boolean match = score >= threshold;
        StringBuilder why = new StringBuilder();
        why.append(String.format(Locale.ROOT, "name %.3f from %d aligned part(s)", nameScore, matches.size()));
        if (!unmatchedLeft.isEmpty() || !unmatchedRight.isEmpty()) {
            why.append("; unmatched ").append(unmatchedLeft).append(" / ").append(unmatchedRight);
        }
        String lowered = differentPerson(left, right, alignment);
        if (lowered != null) {
            why.append(String.format(
                    Locale.ROOT, "; %s: aligned %.3f, capped at %.2f", lowered, alignment.score, DIFFERENT_PERSON_CAP));
        }
        for (NameFeatures side : List.of(left, right)) {
            if (side.tokens().isEmpty()) {
                why.append("; no letters Orderly can read in \"")
                        .append(side.name().original())
                        .append("\": compare by eye");
            } else if (org.orderly.screening.normalise.LetterNames.needed(
                    side.name().original())) {
                why.append("; \"")
                        .append(side.name().original())
                        .append("\" read by Unicode letter names (no transliterator for its script): approximate");
            }
        }
        if (birth != 0) {
            why.append(String.format(Locale.ROOT, "; birth date %s vs %s %+.2f", leftBirth, rightBirth, birth));
        }
        if (nationality != 0) {
            why.append(String.format(
                    Locale.ROOT, "; nationality %s vs %s %+.2f", leftNationality, rightNationality, nationality));
        }
        why.append(String.format(Locale.ROOT, "; score %.3f %s threshold %.2f", score, match ? ">=" : "<", threshold));
        return new Comparison(
                round(score),
                match,
                threshold,
                round(nameScore),
                matches,
                unmatchedLeft,
                unmatchedRight,
                birth,
                nationality,
                why.toString());
    }

    /**
     * The name score a pair keeps when its alignment shows two different persons (reversed nasab, different Han or
     * Hangul characters): below any threshold even with agreeing birth date and nationality.
     */
    public static final double DIFFERENT_PERSON_CAP = 0.75;

    private static final java.util.Set<String> NASAB = java.util.Set.of("bin", "ibn", "bint", "binti", "ben", "ould");

    private static double nameScore(NameFeatures left, NameFeatures right, Alignment alignment) {
        return differentPerson(left, right, alignment) == null
                ? alignment.score
                : Math.min(alignment.score, DIFFERENT_PERSON_CAP);
    }

    /** Why the aligned names are two persons whatever their score, or null. */
    private static String differentPerson(NameFeatures left, NameFeatures right, Alignment alignment) {
        if (left.characters() != null
                && right.characters() != null
                && left.characters()
                        .startsWith(right.characters()
                                .substring(0, right.characters().indexOf(':') + 1))
                && !left.characters().equals(right.characters())) {
            return "the names' Han or Hangul characters differ";
        }
        if (reversedNasab(limit(left.tokens()), limit(right.tokens()), alignment)) {
            return "nasab order reversed (X bin Y against Y bin X)";
        }
        return null;
    }

    // "X bin Y" on one side, "Y bin X" on the other: X aligned with the other side's Y and Y with its X.
    private static boolean reversedNasab(List<TokenFeatures> a, List<TokenFeatures> b, Alignment alignment) {
        for (int i = 0; i + 2 < a.size(); i++) {
            if (!a.get(i + 1).particle() || !NASAB.contains(a.get(i + 1).text())) {
                continue;
            }
            int sonOn = partner(alignment, 1 << i);
            int fatherOn = partner(alignment, 1 << (i + 2));
            if (sonOn >= 0
                    && fatherOn >= 0
                    && sonOn == fatherOn + 2
                    && fatherOn + 1 < b.size()
                    && b.get(fatherOn + 1).particle()
                    && NASAB.contains(b.get(fatherOn + 1).text())) {
                return true;
            }
        }
        return false;
    }

    /** The single right-hand token aligned with exactly this left-hand token, or -1. */
    private static int partner(Alignment alignment, int leftMask) {
        for (int k = 0; k < alignment.count; k++) {
            if (alignment.leftMask[k] == leftMask && Integer.bitCount(alignment.rightMask[k]) == 1) {
                return Integer.numberOfTrailingZeros(alignment.rightMask[k]);
            }
        }
        return -1;
    }

    /** How much agreeing or disagreeing birth dates move a name score (0 when either is unknown). */
    public static double birthDateAdjustment(BirthDate a, BirthDate b) {
        if (a == null || b == null) {
            return 0;
        }
        int years = Math.abs(a.year() - b.year());
        if (years == 0) {
            return a.full() && b.full() && a.equals(b) ? MatchRules.SAME_BIRTH_DATE : MatchRules.SAME_BIRTH_YEAR;
        }
        // Lists carry off-by-one and mistyped years: a near year is no evidence either way, a distant one is.
        return years <= 2
                ? MatchRules.NEAR_BIRTH_YEAR
                : years <= MatchRules.NEAR_YEARS ? MatchRules.BIRTH_YEARS_APART : MatchRules.FAR_BIRTH_YEAR;
    }

    /** How much agreeing or disagreeing nationalities move a name score (0 when either is unknown). */
    public static double nationalityAdjustment(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        return a.equals(b) ? MatchRules.SAME_NATIONALITY : MatchRules.OTHER_NATIONALITY;
    }

    private static double combine(double name, double birth, double nationality) {
        if (name <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, name + birth + nationality));
    }

    // ---- alignment ----

    private static final class Alignment {
        final int[] leftMask = new int[2 * MAX_TOKENS];
        final int[] rightMask = new int[2 * MAX_TOKENS];
        final double[] similarity = new double[2 * MAX_TOKENS];
        final MatchKind[] kind = new MatchKind[2 * MAX_TOKENS];
        int count;
        int usedLeft;
        int usedRight;
        double score;
    }

    private static final class Unit {
        final int leftMask;
        final int rightMask;
        final double similarity;
        final MatchKind kind;

        Unit(int leftMask, int rightMask, double similarity, MatchKind kind) {
            this.leftMask = leftMask;
            this.rightMask = rightMask;
            this.similarity = similarity;
            this.kind = kind;
        }
    }

    private static List<TokenFeatures> limit(List<TokenFeatures> tokens) {
        return tokens.size() <= MAX_TOKENS ? tokens : tokens.subList(0, MAX_TOKENS);
    }

    // Greedy alignment breaks ties by order: aligning in a canonical order keeps the score symmetric.
    private Alignment canonicalAlign(List<TokenFeatures> left, List<TokenFeatures> right, boolean hangul, boolean han) {
        if (order(left, right) <= 0) {
            return align(left, right, hangul, han);
        }
        Alignment swapped = align(right, left, hangul, han);
        Alignment result = new Alignment();
        result.count = swapped.count;
        result.score = swapped.score;
        result.usedLeft = swapped.usedRight;
        result.usedRight = swapped.usedLeft;
        for (int k = 0; k < swapped.count; k++) {
            result.leftMask[k] = swapped.rightMask[k];
            result.rightMask[k] = swapped.leftMask[k];
            result.similarity[k] = swapped.similarity[k];
            result.kind[k] = swapped.kind[k];
        }
        return result;
    }

    private static int order(List<TokenFeatures> left, List<TokenFeatures> right) {
        int n = Math.min(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            int c = left.get(i).text().compareTo(right.get(i).text());
            if (c != 0) {
                return c;
            }
            if (left.get(i).particle() != right.get(i).particle()) {
                return left.get(i).particle() ? 1 : -1;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** Whether one of the two names is written in Hangul: its words are then exact readings of Korean syllables. */
    private static boolean writtenInHangul(NameFeatures left, NameFeatures right) {
        return left.characters() != null && left.characters().startsWith(NativeCharacters.HANGUL)
                || right.characters() != null && right.characters().startsWith(NativeCharacters.HANGUL);
    }

    /** Whether one of the two names is written in Han: its words are then Pinyin readings, not Korean syllables. */
    private static boolean writtenInHan(NameFeatures left, NameFeatures right) {
        return left.characters() != null && left.characters().startsWith(NativeCharacters.HAN)
                || right.characters() != null && right.characters().startsWith(NativeCharacters.HAN);
    }

    /**
     * Aligns two token lists; {@code han} when one name was written in Han: its words are Pinyin readings, so the Korean
     * relations (a Korean syllable in another spelling, {@link KoreanSpellings}) do not apply ("li" from 丽 is not
     * the Korean surname Ri); {@code hangul} when one name was written in Hangul: its words read Korean syllables
     * exactly, so a word of the other name that also reads as Korean syllables is the same name only when the two
     * systems' folds agree (romanisation, not Latin spelling, explains their difference): Hyejin is not Ho-jin, nor
     * Yeonghui Yong.
     */
    Alignment align(List<TokenFeatures> leftTokens, List<TokenFeatures> rightTokens, boolean hangul, boolean han) {
        List<TokenFeatures> a = limit(leftTokens);
        List<TokenFeatures> b = limit(rightTokens);
        Alignment result = new Alignment();
        if (a.isEmpty() || b.isEmpty()) {
            return result;
        }
        List<Unit> units = new ArrayList<>(a.size() * b.size() + 8);
        boolean wadeGiles = readsAsWadeGiles(a) || readsAsWadeGiles(b);
        boolean korean = !han && koreanName(a) && koreanName(b);
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                TokenFeatures x = a.get(i);
                TokenFeatures y = b.get(j);
                if (x.particle() != y.particle()) {
                    continue;
                }
                long packed = similarity(x, y, givenNames);
                double s = Double.longBitsToDouble(packed & ~0xFL);
                MatchKind kind = MatchKind.values()[(int) (packed & 0xF)];
                if (korean && LATIN_SPELLING.contains(kind) && KoreanSpellings.related(koreanOf(x), koreanOf(y)) == 0) {
                    continue; // two Korean names whose syllables differ: Jong-nam is not Yong-nam, nor Mong-joon
                    // Mong-koo
                }
                if (hangul
                        && LATIN_SPELLING.contains(kind)
                        && Romanisations.differentKoreanFolds(x.text(), x.romanisation(), y.text(), y.romanisation())) {
                    continue;
                }
                if (han
                        && (kind == MatchKind.KOREAN_SYLLABLE || kind == MatchKind.ROMANISATION)
                        && Romanisations.mandarin(x.text(), x.romanisation(), y.text(), y.romanisation())
                                == Romanisations.Relation.NONE) {
                    continue;
                }
                if (s > 0 && (kind != MatchKind.ROMANISATION_IF_WADE_GILES || wadeGiles)) {
                    units.add(new Unit(1 << i, 1 << j, s, kind));
                }
            }
        }
        greedy(units, a, b, result);
        if (weakOn(a, result.usedLeft, result) && weakOn(b, result.usedRight, result)) {
            addCompounds(a, b, units, false, hangul, han);
            addCompounds(b, a, units, true, hangul, han);
            Alignment second = new Alignment();
            greedy(units, a, b, second);
            if (second.score > result.score) {
                result = second;
            }
        }
        if (has(result, MatchKind.KOREAN_SYLLABLE) && !complete(result, a, b)) {
            // A Korean syllable in the other system (Gim for Kim) is shared by many names: it is evidence only where
            // every other part of both names has a partner too. Align again without such syllables.
            units.removeIf(unit -> unit.kind == MatchKind.KOREAN_SYLLABLE);
            result = new Alignment();
            greedy(units, a, b, result);
        }
        if (has(result, MatchKind.TWO_LETTERS) && !restExact(result, a, b)) {
            // Two letters wrong count only where everything else agrees exactly: align again without them.
            units.removeIf(unit -> unit.kind == MatchKind.TWO_LETTERS);
            Alignment without = new Alignment();
            greedy(units, a, b, without);
            return without;
        }
        return result;
    }

    /**
     * Whether the name reads as a Korean name: a surname of the surname table among its words, and every word read as
     * one or two Korean syllables (a given name has two: Daniel or Maria, three, are not read so). Between two such
     * names the Latin spelling rules do not bridge different syllables.
     */
    private static boolean koreanName(List<TokenFeatures> tokens) {
        boolean surname = false;
        for (TokenFeatures token : tokens) {
            KoreanSpellings.Spelling spelling = koreanOf(token);
            if (token.particle()
                    || spelling == null
                    || spelling.syllables().stream().allMatch(split -> split.length > 2)) {
                return false;
            }
            surname |= KoreanSpellings.surname(token.text());
        }
        return surname;
    }

    /** The rules of Latin spelling, which a name read from Hangul does not need against another Korean reading. */
    private static final java.util.Set<MatchKind> LATIN_SPELLING =
            java.util.EnumSet.of(MatchKind.SKELETON, MatchKind.PHONETIC, MatchKind.TYPO, MatchKind.TWO_LETTERS);

    private static boolean has(Alignment alignment, MatchKind kind) {
        for (int k = 0; k < alignment.count; k++) {
            if (alignment.kind[k] == kind) {
                return true;
            }
        }
        return false;
    }

    /** Whether every part of both names is aligned (one to one, or two parts written as one). */
    private static boolean complete(Alignment alignment, List<TokenFeatures> a, List<TokenFeatures> b) {
        return Integer.bitCount(alignment.usedLeft) == a.size() && Integer.bitCount(alignment.usedRight) == b.size();
    }

    /**
     * Whether, besides one two-letters-wrong word, every part of both names is aligned one to one and exactly, with at
     * least one other word so aligned: the other parts' agreement is the evidence that the one word was mistyped.
     */
    private boolean restExact(Alignment alignment, List<TokenFeatures> a, List<TokenFeatures> b) {
        int twoLetters = 0;
        int exactWords = 0;
        boolean distinctive = false;
        for (int k = 0; k < alignment.count; k++) {
            if (Integer.bitCount(alignment.leftMask[k]) != 1 || Integer.bitCount(alignment.rightMask[k]) != 1) {
                return false;
            }
            if (alignment.kind[k] == MatchKind.TWO_LETTERS) {
                twoLetters++;
            } else if (alignment.kind[k] == MatchKind.EXACT) {
                TokenFeatures word = a.get(Integer.numberOfTrailingZeros(alignment.leftMask[k]));
                exactWords += word.particle() ? 0 : 1;
                distinctive |= !word.particle() && !word.initial() && !frequencies.common(word.text(), listedNames);
            } else {
                return false;
            }
        }
        // A common given name (Mohammad, on a list full of it) agreeing is little evidence that the surname was
        // mistyped.
        return twoLetters == 1
                && exactWords >= 1
                && distinctive
                && Integer.bitCount(alignment.usedLeft) == a.size()
                && Integer.bitCount(alignment.usedRight) == b.size();
    }

    /** Whether a word of the name reads only as Wade-Giles (hsiang, tse, chih): the name is written in that system. */
    private static boolean readsAsWadeGiles(List<TokenFeatures> tokens) {
        for (TokenFeatures token : tokens) {
            if (Romanisations.wadeGilesOnly(token.romanisation())) {
                return true;
            }
        }
        return false;
    }

    private static boolean weakOn(List<TokenFeatures> tokens, int used, Alignment alignment) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).particle() && (used & (1 << i)) == 0) {
                return true;
            }
        }
        for (int k = 0; k < alignment.count; k++) {
            if (alignment.similarity[k] < 0.9) {
                return true;
            }
        }
        return false;
    }

    // Two adjacent words on one side against one word (or two joined) on the other: "abdul rahman" / "abdulrahman".
    private static void addCompounds(
            List<TokenFeatures> joined,
            List<TokenFeatures> other,
            List<Unit> units,
            boolean joinedIsRight,
            boolean hangul,
            boolean han) {
        for (int i = 0; i + 1 < joined.size(); i++) {
            TokenFeatures first = joined.get(i);
            int next = i + 1;
            while (next < joined.size() && joined.get(next).particle()) {
                next++; // "abd al rahman": the article between the two parts does not stop them joining
            }
            if (first.particle() || next >= joined.size()) {
                continue;
            }
            TokenFeatures second = joined.get(next);
            String variant = joinedKey(first, second);
            int joinedMask = (1 << i) | (1 << next);
            for (int j = 0; j < other.size(); j++) {
                TokenFeatures y = other.get(j);
                if (y.particle()) {
                    continue;
                }
                double s = Math.max(
                        compoundSimilarity(variant, y.variant()), han ? 0 : koreanCompoundSimilarity(first, second, y));
                if (s > 0
                        && hangul
                        && Romanisations.differentKoreanFolds(
                                first.text() + second.text(),
                                Romanisations.of(first.text() + second.text()),
                                y.text(),
                                y.romanisation())) {
                    s = 0; // Jungsu is not Yong-son, nor Choe Cho-il: a Hangul reading meets only its own syllables
                }
                if (s > 0) {
                    units.add(
                            joinedIsRight
                                    ? new Unit(1 << j, joinedMask, s, MatchKind.COMPOUND)
                                    : new Unit(joinedMask, 1 << j, s, MatchKind.COMPOUND));
                }
                if (!joinedIsRight && j + 1 < other.size() && !other.get(j + 1).particle()) {
                    double both = compoundSimilarity(variant, joinedKey(y, other.get(j + 1)));
                    if (both > 0
                            && hangul
                            && Romanisations.differentKoreanFolds(
                                    first.text() + second.text(),
                                    Romanisations.of(first.text() + second.text()),
                                    y.text() + other.get(j + 1).text(),
                                    Romanisations.of(y.text() + other.get(j + 1).text()))) {
                        both = 0;
                    }
                    if (both > 0) {
                        units.add(new Unit(joinedMask, (1 << j) | (1 << (j + 1)), both, MatchKind.COMPOUND));
                    }
                }
            }
        }
    }

    /** The variant key of two name parts written as one: "abdul rahman" gives the key of "abdulrahman". */
    public static String joinedKey(TokenFeatures first, TokenFeatures second) {
        return SpellingVariants.variant(first.text() + second.text());
    }

    /**
     * Similarity of two name parts written as one against one word when each part reads as Korean syllables and,
     * joined, they write the same Korean name in another spelling (Chung Hee / Jeonghui, {@link KoreanSpellings}); 0
     * otherwise.
     */
    public static double koreanCompoundSimilarity(TokenFeatures first, TokenFeatures second, TokenFeatures other) {
        KoreanSpellings.Spelling joined = joinedKoreanSpelling(first, second);
        if (joined == null || koreanOf(other) == null || (first.text() + second.text()).equals(other.text())) {
            return 0; // (the same spelling: compoundSimilarity credits it)
        }
        // Two departures from the other spelling (written apart, and in another system): both similarities count.
        return KoreanSpellings.related(joined, koreanOf(other)) == 2
                ? MatchRules.COMPOUND_SIMILARITY * MatchRules.ROMANISATION_SIMILARITY
                : 0;
    }

    /** The Korean syllables of two words written as one, or null unless each word reads as Korean syllables. */
    public static KoreanSpellings.Spelling joinedKoreanSpelling(TokenFeatures first, TokenFeatures second) {
        return koreanOf(first) == null || koreanOf(second) == null
                ? null
                : KoreanSpellings.of(first.text() + second.text());
    }

    /** A word's Korean syllables, or null. */
    public static KoreanSpellings.Spelling koreanOf(TokenFeatures token) {
        return token.romanisation() == null ? null : token.romanisation().korean();
    }

    /**
     * Similarity of two name parts written as one against one word (or two joined): the same variant key, or one edit
     * apart when both have four letters or more; 0 otherwise.
     */
    public static double compoundSimilarity(String x, String y) {
        if (x.equals(y)) {
            return MatchRules.COMPOUND_SIMILARITY;
        }
        if (Math.min(x.length(), y.length()) < 4 || !EditDistance.within(x, y, 1)) {
            return 0;
        }
        return Math.max(0.5, JaroWinkler.similarity(x, y)) * MatchRules.COMPOUND_SIMILARITY;
    }

    private void greedy(List<Unit> units, List<TokenFeatures> a, List<TokenFeatures> b, Alignment result) {
        units.sort((u, v) -> {
            int bySimilarity = Double.compare(v.similarity, u.similarity);
            return bySimilarity != 0
                    ? bySimilarity
                    : Integer.compare(
                            Integer.bitCount(v.leftMask | v.rightMask << 16),
                            Integer.bitCount(u.leftMask | u.rightMask << 16));
        });
        double matched = 0;
        double matchedShort = 0;
        for (Unit unit : units) {
            if ((unit.leftMask & result.usedLeft) != 0 || (unit.rightMask & result.usedRight) != 0) {
                continue;
            }
            result.usedLeft |= unit.leftMask;
            result.usedRight |= unit.rightMask;
            int k = result.count++;
            result.leftMask[k] = unit.leftMask;
            result.rightMask[k] = unit.rightMask;
            result.similarity[k] = unit.similarity;
            result.kind[k] = unit.kind;
            double wa = weight(a, unit.leftMask);
            double wb = weight(b, unit.rightMask);
            matched += unit.similarity * (wa + wb);
        }
        double totalA = weight(a, -1);
        double totalB = weight(b, -1);
        double symmetric = matched / (totalA + totalB);
        // Coverage of the shorter name: a list entry often carries more name parts than a query, and vice versa.
        boolean leftShorter = totalA <= totalB;
        List<TokenFeatures> shortTokens = leftShorter ? a : b;
        int shortUsed = leftShorter ? result.usedLeft : result.usedRight;
        for (int k = 0; k < result.count; k++) {
            int mask = leftShorter ? result.leftMask[k] : result.rightMask[k];
            matchedShort += result.similarity[k] * weight(shortTokens, mask & shortUsed);
        }
        double coverage = matchedShort / Math.min(totalA, totalB);
        int shortWords = 0;
        for (TokenFeatures t : shortTokens) {
            if (!t.particle() && !t.initial()) {
                shortWords++;
            }
        }
        double lambda = shortWords < MatchRules.COVERAGE_MIN_WORDS
                ? 0.0
                : foundInOrder(result, shortTokens, leftShorter ? b : a, leftShorter) && distinctive(shortTokens)
                        ? MatchRules.ORDERED_COVERAGE_SHARE
                        : MatchRules.COVERAGE_SHARE;
        // No cap: symmetric and coverage are each at most 1 when every similarity is, and so is each share; a score
        // above 1 is a bug to see.
        result.score = symmetric + lambda * (coverage - symmetric);
    }

    /** Whether one of the name's words is not common on the screened lists (always, with no list). */
    private boolean distinctive(List<TokenFeatures> tokens) {
        for (TokenFeatures token : tokens) {
            if (!token.particle() && !token.initial() && !frequencies.common(token.text(), listedNames)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every token of the shorter name is aligned one to one, with similarity at least
     * {@link MatchRules#ORDERED_MIN_SIMILARITY}, in the same order in the longer name, its first word with the longer
     * name's first word and its last with the last, and the longer name has two words more or more: it adds patronymics
     * or tribal names in between.
     */
    private static boolean foundInOrder(
            Alignment result, List<TokenFeatures> shortTokens, List<TokenFeatures> longTokens, boolean leftShorter) {
        int[] partnerOf = new int[shortTokens.size()];
        java.util.Arrays.fill(partnerOf, -1);
        for (int k = 0; k < result.count; k++) {
            int shortMask = leftShorter ? result.leftMask[k] : result.rightMask[k];
            int longMask = leftShorter ? result.rightMask[k] : result.leftMask[k];
            if (Integer.bitCount(shortMask) != 1
                    || Integer.bitCount(longMask) != 1
                    || result.similarity[k] < MatchRules.ORDERED_MIN_SIMILARITY) {
                continue;
            }
            partnerOf[Integer.numberOfTrailingZeros(shortMask)] = Integer.numberOfTrailingZeros(longMask);
        }
        int previous = -1;
        int firstWord = -1;
        int lastWord = -1;
        for (int i = 0; i < shortTokens.size(); i++) {
            if (partnerOf[i] <= previous) {
                return false; // not aligned, too weak, or out of order
            }
            previous = partnerOf[i];
            if (!shortTokens.get(i).particle()) {
                firstWord = firstWord < 0 ? partnerOf[i] : firstWord;
                lastWord = partnerOf[i];
            }
        }
        int longFirst = -1;
        int longLast = -1;
        int longWords = 0;
        int shortWords = 0;
        for (int j = 0; j < longTokens.size(); j++) {
            if (!longTokens.get(j).particle()) {
                longFirst = longFirst < 0 ? j : longFirst;
                longLast = j;
                longWords++;
            }
        }
        for (TokenFeatures token : shortTokens) {
            shortWords += token.particle() ? 0 : 1;
        }
        // One part more (a middle name) is credited enough by the usual share; two or more need this rule.
        return firstWord == longFirst && lastWord == longLast && longWords >= shortWords + 2;
    }

    private static double weight(List<TokenFeatures> tokens, int mask) {
        double sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                sum += tokens.get(i).weight();
            }
        }
        return sum;
    }

    /**
     * Similarity in [0,1] of two name tokens as the alignment sees them (0 when they cannot correspond); the candidate
     * index uses it to accept a listed token for a query token by exactly the comparator's own rule.
     */
    public static double tokenSimilarity(TokenFeatures x, TokenFeatures y) {
        return tokenSimilarity(x, y, GivenNameVariants.NONE);
    }

    /** {@link #tokenSimilarity(TokenFeatures, TokenFeatures)} with hypocorisms from this list accepted too. */
    public static double tokenSimilarity(TokenFeatures x, TokenFeatures y, GivenNameVariants givenNames) {
        if (x.particle() != y.particle()) {
            return 0;
        }
        return Double.longBitsToDouble(similarity(x, y, givenNames) & ~0xFL);
    }

    /** The spelling rules below, then a given name against its hypocorism (words of two letters or more). */
    static long similarity(TokenFeatures x, TokenFeatures y, GivenNameVariants givenNames) {
        long packed = similarity(x, y);
        if (!x.particle()
                && !y.particle()
                && !x.initial()
                && !y.initial()
                && Double.longBitsToDouble(packed & ~0xFL) < MatchRules.HYPOCORISM_SIMILARITY
                && givenNames.related(x.text(), y.text())) {
            return pack(MatchRules.HYPOCORISM_SIMILARITY, MatchKind.HYPOCORISM);
        }
        return packed;
    }

    /**
     * Letters two words may differ by and still be taken for one name mistyped: none up to three letters (Li is not
     * Liang), one up to seven, two from eight; the candidate index enumerates exactly this neighbourhood.
     */
    public static int typoEdits(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    /**
     * Similarity of two tokens packed with its kind in the low 4 bits of the double's bits (no allocation). A pair is
     * accepted only by a rule an index can enumerate: same spelling or variant key, an initial, the same consonant
     * skeleton or phonetic code between words of four letters or more that start alike, or a typo within
     * {@link #typoEdits} of the shorter word; Jaro-Winkler only grades an accepted pair.
     */
    static long similarity(TokenFeatures x, TokenFeatures y) {
        if (x.text().equals(y.text())) {
            return pack(1.0, MatchKind.EXACT);
        }
        if (x.initial() || y.initial()) {
            return x.text().charAt(0) == y.text().charAt(0)
                    ? pack(MatchRules.INITIAL_SIMILARITY, MatchKind.INITIAL)
                    : 0L;
        }
        if (x.variant().equals(y.variant())) {
            return pack(MatchRules.VARIANT_SIMILARITY, MatchKind.VARIANT);
        }
        Romanisations.Relation romanised =
                Romanisations.related(x.text(), x.romanisation(), y.text(), y.romanisation());
        if (romanised != Romanisations.Relation.NONE) {
            if (romanised == Romanisations.Relation.SAME_KOREAN_SYLLABLE) {
                return pack(MatchRules.KOREAN_SYLLABLE_SIMILARITY, MatchKind.KOREAN_SYLLABLE);
            }
            return pack(
                    MatchRules.ROMANISATION_SIMILARITY,
                    romanised == Romanisations.Relation.SAME_IF_WADE_GILES
                            ? MatchKind.ROMANISATION_IF_WADE_GILES
                            : MatchKind.ROMANISATION);
        }
        int shorter = Math.min(x.text().length(), y.text().length());
        if (shorter < 4) {
            return 0L; // short tokens (typical of Han syllables) match only exactly or by variant
        }
        if (shorter <= MandarinSyllables.LONGEST
                && MandarinSyllables.contains(x.text())
                && MandarinSyllables.contains(y.text())) {
            return 0L; // two Mandarin syllables a letter apart are two different names (Jiang, Xiang)
        }
        // The cheap tests first: most pairs an index proposes fail them, and the Jaro-Winkler passes are not needed.
        // Skeletons and sound codes drop vowels and take hw for w: across Korean syllables that reads one given name
        // for
        // another (Yeonghwan, Yong-won), which the folds of the two romanisation systems tell apart.
        boolean korean = Romanisations.differentKoreanNames(x.text(), x.romanisation(), y.text(), y.romanisation());
        if (!korean
                && x.skeleton().length() >= 2
                && x.skeleton().equals(y.skeleton())
                && JaroWinkler.similarity(x.variant(), y.variant()) >= 0.78) {
            return pack(0.93, MatchKind.SKELETON);
        }
        if (!korean
                && x.text().charAt(0) == y.text().charAt(0)
                && Math.abs(x.text().length() - y.text().length()) <= 2
                && samePhonetic(x, y)) {
            double jwText = JaroWinkler.similarity(x.text(), y.text());
            if (jwText >= 0.75) {
                return pack(Math.max(0.9, Math.min(0.92, jwText)), MatchKind.PHONETIC);
            }
        }
        boolean close = EditDistance.within(x.text(), y.text(), typoEdits(shorter))
                || EditDistance.within(
                        x.variant(),
                        y.variant(),
                        typoEdits(Math.min(x.variant().length(), y.variant().length())));
        if (!close) {
            if (InflectedForms.related(x.text(), y.text())) {
                return pack(MatchRules.INFLECTION_SIMILARITY, MatchKind.INFLECTION);
            }
            if (shorter >= MatchRules.TWO_LETTERS_MIN_LENGTH
                    && shorter < 8
                    && EditDistance.within(x.text(), y.text(), 2)) {
                return pack(
                        shorter == MatchRules.TWO_LETTERS_MIN_LENGTH
                                ? MatchRules.TWO_LETTERS_SIX
                                : MatchRules.TWO_LETTERS_SEVEN,
                        MatchKind.TWO_LETTERS);
            }
            return 0L;
        }
        double typo = Math.max(
                JaroWinkler.similarity(x.text(), y.text()), JaroWinkler.similarity(x.variant(), y.variant()) * 0.98);
        return pack(Math.max(0.5, typo * 0.98), MatchKind.TYPO);
    }

    /** Same Double Metaphone code (either of a word's two) of two letters or more; symmetric. */
    private static boolean samePhonetic(TokenFeatures x, TokenFeatures y) {
        return x.phonetic().length() >= 2
                        && (x.phonetic().equals(y.phonetic()) || x.phonetic().equals(y.phoneticAlternate()))
                || x.phoneticAlternate().length() >= 2 && x.phoneticAlternate().equals(y.phonetic());
    }

    private static long pack(double similarity, MatchKind kind) {
        return (Double.doubleToLongBits(similarity) & ~0xFL) | kind.ordinal();
    }

    private static String text(List<TokenFeatures> tokens, int mask) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(tokens.get(i).text());
            }
        }
        return out.toString();
    }

    private static List<String> unmatched(List<TokenFeatures> tokens, int used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if ((used & (1 << i)) == 0) {
                out.add(tokens.get(i).text());
            }
        }
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
