package org.orderly.bench.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.orderly.csv.CsvHeader;
import org.orderly.csv.CsvReader;
import org.orderly.csv.CsvRow;
import org.orderly.screening.compare.NameComparator;

/**
 * Class 4 of issue 26 for Korean: persons whose name in Hangul and whose Latin spelling in use are public facts
 * ({@code korean-persons.csv}: presidents and acting presidents of the Republic of Korea, DPRK leaders and officials, a
 * UN Secretary-General, athletes, film directors and actors, writers, business leaders, each row with its source),
 * against the names of other persons of the list.
 *
 * <ul>
 *   <li>same person: the Hangul name against the Latin spelling the person is known by (Park Chung Hee / 박정희);</li>
 *   <li>different persons: for every two persons of the list with the same Hangul surname, one's Hangul name against
 *       the other's Latin spelling, and the two Latin spellings (Kim Jong Un / 김정일, Lee Jae-yong / Lee Jae-myung):
 *       the same surname with another given name, often one syllable apart.</li>
 * </ul>
 *
 * <p>The split was fixed before any rule was written or any figure taken: a person is held out when its data row
 * (counted from 0 after the header) is ≡ 2 (mod 3), as in {@link DevSetEvaluation.Part}; a pair of two persons is held
 * out when either of them is, so that no held-out person's name is seen in the tuning part.
 */
public final class KoreanNameSet {
    public static final String KOREAN = "4k Korean names as their bearers spell them";
    private static final String PERSONS = "/org/orderly/bench/screening/korean-persons.csv";

    /** A person of the list: the Hangul name, the Latin spelling and whether the row is held out. */
    record Person(String hangul, String latin, boolean heldOut) {
        String surname() {
            return hangul.substring(0, 1);
        }
    }

    private KoreanNameSet() {}

    static List<Person> persons() {
        try (InputStream in = KoreanNameSet.class.getResourceAsStream(PERSONS)) {
            if (in == null) {
                throw new IllegalStateException(PERSONS + " is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<CsvRow> rows = CsvReader.read(PERSONS, text, CsvHeader.requiring("hangul", "latin", "source", "as_of"))
                    .rows();
            List<Person> out = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                out.add(new Person(
                        rows.get(row).get("hangul"),
                        rows.get(row).get("latin"),
                        DevSetEvaluation.Part.HELD_OUT.contains(row)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labelled pairs, same-person pairs first. */
    public static List<NameClassSets.Pair> pairs() {
        List<Person> persons = persons();
        List<NameClassSets.Pair> out = new ArrayList<>();
        for (Person p : persons) {
            out.add(new NameClassSets.Pair(KOREAN, p.hangul(), p.latin(), true, p.heldOut()));
        }
        for (int i = 0; i < persons.size(); i++) {
            for (int j = 0; j < persons.size(); j++) {
                Person a = persons.get(i);
                Person b = persons.get(j);
                if (i == j || !a.surname().equals(b.surname())) {
                    continue;
                }
                boolean held = a.heldOut() || b.heldOut();
                out.add(new NameClassSets.Pair(KOREAN, a.hangul(), b.latin(), false, held));
                if (i < j) {
                    out.add(new NameClassSets.Pair(KOREAN, a.latin(), b.latin(), false, held));
                }
            }
        }
        return out;
    }

    /**
     * Prints precision, recall and F1 of the default decision (names only) on the tuning and the held-out part;
     * {@code -Dscreening.errors=true} prints the tuning part's errors only.
     */
    public static void main(String[] args) {
        run(new NameComparator(), Boolean.getBoolean("screening.errors"), System.out);
    }

    static List<NameClassSetEvaluation.Result> run(NameComparator comparator, boolean errors, PrintStream out) {
        List<NameClassSets.Pair> pairs = pairs();
        out.println("Korean names (korean-persons.csv, threshold " + comparator.threshold() + ", names only)");
        out.println("| class | part | pairs (same / different) | recall | precision | F1 |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        List<NameClassSetEvaluation.Result> results = new ArrayList<>();
        for (boolean heldOut : new boolean[] {false, true}) {
            NameClassSetEvaluation.Result result =
                    NameClassSetEvaluation.evaluate(KOREAN, pairs, heldOut, comparator, errors, out);
            NameClassSetEvaluation.print(out, result);
            results.add(result);
        }
        return results;
    }
}
