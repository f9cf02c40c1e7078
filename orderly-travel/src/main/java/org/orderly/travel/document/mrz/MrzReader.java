package org.orderly.travel.document.mrz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Reads ICAO Doc 9303 machine-readable zones (TD1, TD2, TD3, MRV-A, MRV-B) into {@link Mrz}, relative to a
 * reference date (century of dates, expiry), optionally repairing OCR confusions the check digits confirm.
 * Immutable and thread-safe; the hot path works on one char array, without regular expressions.
 */
public final class MrzReader {

    private final LocalDate on;
    private final Predicate<String> knownStates;
    private final boolean repair;

    private MrzReader(LocalDate on, Predicate<String> knownStates, boolean repair) {
        this.on = Objects.requireNonNull(on, "reference date");
        this.knownStates = Objects.requireNonNull(knownStates, "known states");
        this.repair = repair;
    }

    /** A strict reader that infers centuries and judges expiry relative to {@code referenceDate}, knowing {@link StateCodes#defaults()}. */
    public static MrzReader on(LocalDate referenceDate) {
        return new MrzReader(referenceDate, StateCodes.known(), false);
    }

    /** The same reader, judging issuing states and nationalities with {@code knownStates}. */
    public MrzReader withKnownStates(Predicate<String> knownStates) {
        return new MrzReader(on, knownStates, repair);
    }

    /** The same reader, with OCR repair switched on or off. */
    public MrzReader withRepair(boolean repair) {
        return new MrzReader(on, knownStates, repair);
    }

    /** The reference date. */
    public LocalDate referenceDate() {
        return on;
    }

    /** Reads text holding the zone's lines separated by line breaks; blank lines and surrounding spaces are ignored. */
    public Mrz readText(CharSequence text) {
        if (text == null) {
            throw new MrzException(1, 1, "no zone given");
        }
        List<String> lines = new ArrayList<>(3);
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                String line = text.subSequence(start, i).toString().strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return read(lines);
    }

    /** Reads a zone given as its lines. */
    public Mrz read(List<String> lines) {
        if (lines == null) {
            throw new MrzException(1, 1, "no zone given");
        }
        return read(lines.toArray(new String[0]));
    }

    /**
     * Reads a zone given as its two or three lines.
     *
     * @throws MrzException if the zone cannot be read at all: wrong number of lines, a line of the wrong
     *     length, or a character other than A-Z, 0-9 and {@code <}
     */
    public Mrz read(String... lines) {
        if (lines == null || lines.length == 0) {
            throw new MrzException(1, 1, "no zone given");
        }
        if (lines.length < 2 || lines.length > 3) {
            throw new MrzException(
                    lines.length < 2 ? 2 : 4,
                    1,
                    "a zone has 2 lines (TD2, TD3, MRV) or 3 lines (TD1), found " + lines.length);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == null) {
                throw new MrzException(i + 1, 1, "line is missing");
            }
        }
        int width = width(lines);
        char[] zone = new char[width * lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int length = line.length();
            int limit = Math.min(length, width);
            for (int c = 0; c < limit; c++) {
                char ch = line.charAt(c);
                if (CheckDigit.value(ch) < 0) {
                    throw new MrzException(
                            i + 1, c + 1, "illegal character " + describe(ch) + " (a zone holds only A-Z, 0-9 and <)");
                }
                zone[i * width + c] = ch;
            }
            if (length != width) {
                throw new MrzException(
                        i + 1,
                        limit + 1,
                        "line has " + length + " characters, expected " + width
                                + (length < width ? " (too short)" : " (too long)"));
            }
        }
        Layout layout = Layout.of(format(lines.length, width, zone[0]));
        Mrz mrz = parse(layout, zone, lines, List.of());
        if (repair && !mrz.valid()) {
            List<Repair> repairs = MrzRepair.repair(layout, zone, knownStates);
            if (!repairs.isEmpty()) {
                String[] repaired = new String[lines.length];
                for (int i = 0; i < lines.length; i++) {
                    repaired[i] = new String(zone, i * width, width);
                }
                mrz = parse(layout, zone, repaired, repairs);
            }
        }
        return mrz;
    }

    private static int width(String[] lines) {
        if (lines.length == 3) {
            return MrzFormat.TD1.width();
        }
        for (String line : lines) {
            if (line.length() == 36 || line.length() == 44) {
                return line.length();
            }
        }
        int length = lines[0].length();
        throw new MrzException(
                1,
                Math.min(length, 44) + 1,
                "line has " + length
                        + " characters; a two-line zone has lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters");
    }

    private static MrzFormat format(int lines, int width, char first) {
        if (lines == 3) {
            return MrzFormat.TD1;
        }
        if (width == 44) {
            return first == 'V' ? MrzFormat.MRV_A : MrzFormat.TD3;
        }
        return first == 'V' ? MrzFormat.MRV_B : MrzFormat.TD2;
    }

    private static String describe(char ch) {
        if (ch == ' ') {
            return "' ' (space)";
        }
        if (ch < 0x20 || ch == 0x7f) {
            return String.format("U+%04X", (int) ch);
        }
        return "'" + ch + "'";
    }

    private Mrz parse(Layout l, char[] z, String[] lines, List<Repair> repairs) {
        List<Finding> findings = new ArrayList<>();

        String code = trim(z, l.code, l.code + 2);
        letters(l, z, l.code, l.code + 2, "document code", findings);
        char kind = z[l.code];
        boolean expectedKind = l.format == MrzFormat.TD3
                ? kind == 'P'
                : l.format.visa() ? kind == 'V' : kind == 'I' || kind == 'A' || kind == 'C';
        if (!expectedKind) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.UNUSUAL_DOCUMENT_CODE,
                    "document code '" + code + "' is unusual for " + l.format,
                    l.span(l.code, l.code + 2)));
        }

        String state = trim(z, l.state, l.state + 3);
        if (letters(l, z, l.state, l.state + 3, "issuing state", findings) && !knownStates.test(state)) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.UNKNOWN_ISSUING_STATE,
                    "issuing state '" + state + "' is not a known code",
                    l.span(l.state, l.state + 3)));
        }

        letters(l, z, l.nameFrom, l.nameTo, "name", findings);
        int nameEnd = l.nameTo;
        while (nameEnd > l.nameFrom && z[nameEnd - 1] == '<') {
            nameEnd--;
        }
        int separator = -1;
        for (int i = l.nameFrom; i + 1 < nameEnd; i++) {
            if (z[i] == '<' && z[i + 1] == '<') {
                separator = i;
                break;
            }
        }
        String primary = words(z, l.nameFrom, separator < 0 ? nameEnd : separator);
        String secondary = separator < 0 ? "" : words(z, separator + 2, nameEnd);
        boolean truncated = z[l.nameTo - 1] != '<';
        if (truncated) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.NAME_TRUNCATED,
                    "the name fills its field and may be truncated",
                    l.span(l.nameFrom, l.nameTo)));
        }

        String nationality = trim(z, l.nationality, l.nationality + 3);
        if (letters(l, z, l.nationality, l.nationality + 3, "nationality", findings)
                && !knownStates.test(nationality)) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.UNKNOWN_NATIONALITY,
                    "nationality '" + nationality + "' is not a known code",
                    l.span(l.nationality, l.nationality + 3)));
        }

        LocalDate birth = date(l, z, l.birth, true, findings);
        LocalDate expiry = date(l, z, l.expiry, false, findings);
        if (expiry != null && expiry.isBefore(on)) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.EXPIRED,
                    (l.format.visa() ? "valid until " : "expired on ") + expiry + ", before " + on,
                    l.span(l.expiry, l.expiry + 6)));
        }

        Sex sex;
        char s = z[l.sex];
        if (s == 'M') {
            sex = Sex.MALE;
        } else if (s == 'F') {
            sex = Sex.FEMALE;
        } else {
            sex = Sex.UNSPECIFIED;
            if (s != '<' && s != 'X') {
                findings.add(new Finding(
                        Finding.Severity.ERROR,
                        Finding.INVALID_SEX,
                        "sex must be M, F, X or <, found '" + s + "'",
                        l.at(l.sex)));
            }
        }

        // Document number, with the long-number rule of TD1 and TD2: a filler in the check digit position means
        // the number continues in the optional data, ended by its own check digit and a filler.
        String number;
        String optional;
        Check numberCheck;
        int longEnd = -1;
        if ((l.format == MrzFormat.TD1 || l.format == MrzFormat.TD2)
                && z[l.numberCheck] == '<'
                && z[l.optionalFrom] != '<') {
            longEnd = l.optionalFrom;
            while (longEnd < l.optionalTo && z[longEnd] != '<') {
                longEnd++;
            }
        }
        if (longEnd > l.optionalFrom + 1) {
            int digit = longEnd - 1;
            char[] joined = new char[9 + digit - l.optionalFrom];
            System.arraycopy(z, l.number, joined, 0, 9);
            System.arraycopy(z, l.optionalFrom, joined, 9, digit - l.optionalFrom);
            number = new String(joined);
            int sum = CheckDigit.sum(z, l.number, l.number + 9, 0) + CheckDigit.sum(z, l.optionalFrom, digit, 9);
            numberCheck = check(
                    Check.DOCUMENT_NUMBER,
                    sum,
                    z[digit],
                    List.of(l.span(l.number, l.number + 9), l.span(l.optionalFrom, digit), l.at(digit)));
            optional = longEnd + 1 < l.optionalTo ? trim(z, longEnd + 1, l.optionalTo) : "";
        } else {
            number = trim(z, l.number, l.number + 9);
            numberCheck = check(
                    Check.DOCUMENT_NUMBER,
                    CheckDigit.sum(z, l.number, l.number + 9, 0),
                    z[l.numberCheck],
                    l.numberSpans);
            optional = trim(z, l.optionalFrom, l.optionalTo);
        }
        String optional2 = l.optional2From < 0 ? "" : trim(z, l.optional2From, l.optional2To);

        Check birthCheck =
                check(Check.BIRTH_DATE, CheckDigit.sum(z, l.birth, l.birth + 6, 0), z[l.birthCheck], l.birthSpans);
        Check expiryCheck =
                check(Check.EXPIRY_DATE, CheckDigit.sum(z, l.expiry, l.expiry + 6, 0), z[l.expiryCheck], l.expirySpans);
        List<Check> checks;
        if (l.composite < 0) {
            checks = List.of(numberCheck, birthCheck, expiryCheck);
        } else {
            int sum = 0;
            int offset = 0;
            int[] ranges = l.compositeRanges;
            for (int i = 0; i < ranges.length; i += 2) {
                sum += CheckDigit.sum(z, ranges[i], ranges[i + 1], offset);
                offset += ranges[i + 1] - ranges[i];
            }
            Check composite = check(Check.COMPOSITE, sum, z[l.composite], l.compositeSpans);
            if (l.optionalCheck < 0) {
                checks = List.of(numberCheck, birthCheck, expiryCheck, composite);
            } else {
                checks = List.of(numberCheck, birthCheck, expiryCheck, optionalCheck(l, z), composite);
            }
        }
        return new Mrz(
                l.format,
                code,
                state,
                primary,
                secondary,
                truncated,
                number,
                nationality,
                birth,
                sex,
                expiry,
                optional,
                optional2,
                checks,
                findings,
                repairs,
                List.of(lines));
    }

    private static Check check(String name, int sum, char actual, List<Span> positions) {
        char expected = (char) ('0' + sum % 10);
        return new Check(name, expected, actual, expected == actual, positions);
    }

    /** The TD3 personal number check digit may be a filler (or zero) when the whole field is fillers. */
    private static Check optionalCheck(Layout l, char[] z) {
        char actual = z[l.optionalCheck];
        boolean empty = true;
        for (int i = l.optionalFrom; i < l.optionalTo; i++) {
            if (z[i] != '<') {
                empty = false;
                break;
            }
        }
        if (empty && (actual == '<' || actual == '0')) {
            return new Check(Check.OPTIONAL_DATA, actual, actual, true, l.optionalSpans);
        }
        return check(Check.OPTIONAL_DATA, CheckDigit.sum(z, l.optionalFrom, l.optionalTo, 0), actual, l.optionalSpans);
    }

    private LocalDate date(Layout l, char[] z, int at, boolean birth, List<Finding> findings) {
        String field = birth ? "birth date" : (l.format.visa() ? "valid-until date" : "expiry date");
        boolean unknown = false;
        for (int i = at; i < at + 6; i++) {
            char c = z[i];
            if (c == '<' && birth) {
                unknown = true;
            } else if (c < '0' || c > '9') {
                findings.add(new Finding(
                        Finding.Severity.ERROR,
                        Finding.NOT_A_DIGIT,
                        field + " must be digits, found '" + c + "'",
                        l.at(i)));
                return null;
            }
        }
        if (unknown) {
            findings.add(new Finding(
                    Finding.Severity.WARNING,
                    Finding.BIRTH_DATE_UNKNOWN,
                    "birth date is (partly) unknown",
                    l.span(at, at + 6)));
            return null;
        }
        int yy = (z[at] - '0') * 10 + (z[at + 1] - '0');
        int month = (z[at + 2] - '0') * 10 + (z[at + 3] - '0');
        int day = (z[at + 4] - '0') * 10 + (z[at + 5] - '0');
        if (month < 1 || month > 12) {
            findings.add(new Finding(
                    Finding.Severity.ERROR,
                    Finding.INVALID_DATE,
                    field + " has month " + month,
                    l.span(at + 2, at + 4)));
            return null;
        }
        int reference = on.getYear();
        int year = reference - Math.floorMod(reference, 100) + yy;
        if (birth) {
            // A birth date is never after the reference date: the latest century that keeps it on or before.
            if (year > reference
                    || (year == reference
                            && (month > on.getMonthValue()
                                    || (month == on.getMonthValue() && day > on.getDayOfMonth())))) {
                year -= 100;
            }
        } else if (year > reference + 50) {
            // Expiry dates lie within fifty years either side of the reference date.
            year -= 100;
        } else if (year <= reference - 50) {
            year += 100;
        }
        if (day < 1 || day > lengthOfMonth(year, month)) {
            findings.add(new Finding(
                    Finding.Severity.ERROR,
                    Finding.INVALID_DATE,
                    field + " has day " + day + " in month " + month + " of " + year,
                    l.span(at + 4, at + 6)));
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Reports digits in an alphabetic field; true when there were none. */
    private static boolean letters(Layout l, char[] z, int from, int to, String field, List<Finding> findings) {
        boolean clean = true;
        for (int i = from; i < to; i++) {
            char c = z[i];
            if (c >= '0' && c <= '9') {
                findings.add(new Finding(
                        Finding.Severity.ERROR,
                        Finding.NOT_A_LETTER,
                        field + " must be letters, found '" + c + "'",
                        l.at(i)));
                clean = false;
            }
        }
        return clean;
    }

    private static String trim(char[] z, int from, int to) {
        int end = to;
        while (end > from && z[end - 1] == '<') {
            end--;
        }
        return end == from ? "" : new String(z, from, end - from);
    }

    /** Name words: fillers become single spaces, leading and trailing fillers vanish. */
    private static String words(char[] z, int from, int to) {
        while (from < to && z[from] == '<') {
            from++;
        }
        while (to > from && z[to - 1] == '<') {
            to--;
        }
        if (from == to) {
            return "";
        }
        char[] out = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = z[i];
            if (c != '<') {
                out[n++] = c;
            } else if (out[n - 1] != ' ') {
                out[n++] = ' ';
            }
        }
        return new String(out, 0, n);
    }
}
