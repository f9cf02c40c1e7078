package org.orderly.bench.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.orderly.travel.document.mrz.CheckDigit;
import org.orderly.travel.document.mrz.Mrz;
import org.orderly.travel.document.mrz.MrzReader;

/**
 * Zones parsed and fully checked per second on one thread: Orderly's {@link MrzReader} against a naive
 * regex-and-split parser written here as the baseline, over the same 1,024 valid zones of all five formats.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MrzBenchmark {

    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static final int ZONES = 1024;

    private final MrzReader reader = MrzReader.on(ON);
    private final MrzReader repairing = MrzReader.on(ON).withRepair(true);
    private String[][] zones;
    private String[][] misread;
    private int next;

    @Setup
    public void makeZones() {
        Random random = new Random(9303);
        zones = new String[ZONES][];
        misread = new String[ZONES][];
        for (int i = 0; i < ZONES; i++) {
            zones[i] = zone(i % 5, random);
            // An OCR confusion the reader can repair: the first digit of the birth date that has a look-alike letter.
            String[] copy = zones[i].clone();
            char[] chars = copy[1].toCharArray();
            int birth = i % 5 == 0 ? 0 : 13;
            for (int at = birth; at < birth + 6; at++) {
                int look = "012568".indexOf(chars[at]);
                if (look >= 0) {
                    chars[at] = "OIZSGB".charAt(look);
                    break;
                }
            }
            copy[1] = new String(chars);
            misread[i] = copy;
        }
    }

    /** Orderly: parse, every check digit, dates with centuries, findings. */
    @Benchmark
    public Mrz orderly() {
        String[] zone = zones[next++ & (ZONES - 1)];
        return reader.read(zone);
    }

    /** Orderly in OCR-repair mode on zones with one repairable confusion each (the slow path). */
    @Benchmark
    public Mrz orderlyRepairing() {
        String[] zone = misread[next++ & (ZONES - 1)];
        return repairing.read(zone);
    }

    /** BASELINE: the naive parser below (regular expressions, String.split, substring, DateTimeFormatter). */
    @Benchmark
    public Map<String, Object> baselineNaiveRegexParser() {
        String[] zone = zones[next++ & (ZONES - 1)];
        return NaiveParser.parse(zone);
    }

    /**
     * BASELINE ONLY: how an MRZ parser is commonly first written — a regular expression per layout, split on
     * fillers, substrings, a map of fields. It checks the same check digits and dates but is not used by Orderly.
     */
    static final class NaiveParser {
        private static final Pattern TD3_LINE2 = Pattern.compile(
                "([A-Z0-9<]{9})([0-9])([A-Z<]{3})([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z0-9<]{14})([0-9<])([0-9])");
        private static final Pattern TD2_LINE2 = Pattern.compile(
                "([A-Z0-9<]{9})([0-9<])([A-Z<]{3})([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z0-9<]{7})([0-9])");
        private static final Pattern VISA_LINE2 = Pattern.compile(
                "([A-Z0-9<]{9})([0-9])([A-Z<]{3})([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z0-9<]*)");
        private static final Pattern TD1_LINE1 =
                Pattern.compile("([A-Z<]{2})([A-Z<]{3})([A-Z0-9<]{9})([0-9<])([A-Z0-9<]{15})");
        private static final Pattern TD1_LINE2 =
                Pattern.compile("([0-9]{6})([0-9])([MFX<])([0-9]{6})([0-9])([A-Z<]{3})([A-Z0-9<]{11})([0-9])");
        private static final Pattern VALID = Pattern.compile("[A-Z0-9<]+");
        private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

        static Map<String, Object> parse(String[] lines) {
            Map<String, Object> fields = new HashMap<>();
            for (String line : lines) {
                if (!VALID.matcher(line).matches()) {
                    throw new IllegalArgumentException("bad characters");
                }
            }
            String nameField;
            if (lines.length == 3) {
                Matcher l1 = TD1_LINE1.matcher(lines[0]);
                Matcher l2 = TD1_LINE2.matcher(lines[1]);
                if (!l1.matches() || !l2.matches()) {
                    throw new IllegalArgumentException("not TD1");
                }
                fields.put("code", l1.group(1).replace("<", ""));
                fields.put("state", l1.group(2).replace("<", ""));
                fields.put("number", l1.group(3).replace("<", ""));
                fields.put("numberOk", digit(l1.group(3)).equals(l1.group(4)));
                fields.put("birth", LocalDate.parse(l2.group(1), YYMMDD));
                fields.put("birthOk", digit(l2.group(1)).equals(l2.group(2)));
                fields.put("sex", l2.group(3));
                fields.put("expiry", LocalDate.parse(l2.group(4), YYMMDD));
                fields.put("expiryOk", digit(l2.group(4)).equals(l2.group(5)));
                fields.put("nationality", l2.group(6).replace("<", ""));
                String composite = lines[0].substring(5)
                        + lines[1].substring(0, 7)
                        + lines[1].substring(8, 15)
                        + lines[1].substring(18, 29);
                fields.put("compositeOk", digit(composite).equals(l2.group(8)));
                nameField = lines[2];
            } else {
                String line2 = lines[1];
                Pattern pattern = lines[0].startsWith("V") ? VISA_LINE2 : line2.length() == 44 ? TD3_LINE2 : TD2_LINE2;
                Matcher m = pattern.matcher(line2);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a two-line zone");
                }
                fields.put("code", lines[0].substring(0, 2).replace("<", ""));
                fields.put("state", lines[0].substring(2, 5).replace("<", ""));
                fields.put("number", m.group(1).replace("<", ""));
                fields.put("numberOk", digit(m.group(1)).equals(m.group(2)));
                fields.put("nationality", m.group(3).replace("<", ""));
                fields.put("birth", LocalDate.parse(m.group(4), YYMMDD));
                fields.put("birthOk", digit(m.group(4)).equals(m.group(5)));
                fields.put("sex", m.group(6));
                fields.put("expiry", LocalDate.parse(m.group(7), YYMMDD));
                fields.put("expiryOk", digit(m.group(7)).equals(m.group(8)));
                if (!lines[0].startsWith("V")) {
                    int end = line2.length() - 1;
                    String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, end);
                    fields.put("compositeOk", digit(composite).equals(line2.substring(end)));
                }
                nameField = lines[0].substring(5);
            }
            String[] parts = nameField.split("<<", 2);
            fields.put("primary", parts[0].replace('<', ' ').trim());
            fields.put(
                    "secondary",
                    parts.length > 1 ? String.join(" ", parts[1].split("<+")).trim() : "");
            return fields;
        }

        private static String digit(String s) {
            return String.valueOf(CheckDigit.of(s));
        }
    }

    private static String[] zone(int format, Random random) {
        String number = word(random, 9, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        String birth = yymmdd(ON.minusDays(random.nextInt(30000)));
        String expiry = yymmdd(ON.plusDays(random.nextInt(3650)));
        String name = word(random, 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "<<"
                + word(random, 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "<" + word(random, 5, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        char sex = random.nextBoolean() ? 'F' : 'M';
        String core = number + CheckDigit.of(number) + "NLD" + birth + CheckDigit.of(birth) + sex + expiry
                + CheckDigit.of(expiry);
        switch (format) {
            case 0: {
                String line1 = pad("I<NLD" + number + CheckDigit.of(number), 30);
                String line2 = pad(birth + CheckDigit.of(birth) + sex + expiry + CheckDigit.of(expiry) + "NLD", 29);
                String composite =
                        line1.substring(5) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
                return new String[] {line1, line2 + CheckDigit.of(composite), pad(name, 30)};
            }
            case 1: {
                String line2 = pad(core, 35);
                String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 35);
                return new String[] {pad("I<NLD" + name, 36), line2 + CheckDigit.of(composite)};
            }
            case 2: {
                String personal = word(random, 9, "0123456789");
                String line2 = core + pad(personal, 14) + CheckDigit.of(pad(personal, 14));
                String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
                return new String[] {pad("P<NLD" + name, 44), line2 + CheckDigit.of(composite)};
            }
            case 3:
                return new String[] {pad("V<NLD" + name, 44), pad(core, 44)};
            default:
                return new String[] {pad("V<NLD" + name, 36), pad(core, 36)};
        }
    }

    private static String word(Random random, int length, String alphabet) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append('<');
        }
        return b.toString();
    }
}
