package org.orderly.bench.screening;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.GivenNameVariants;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.normalise.NameNormaliser;

/**
 * Precision, recall and F1 of the default decision (names only, default threshold) on each class of
 * {@link NameClassSets}, on its tuning part and on its held-out part apart. {@code -Dscreening.errors=true} prints the
 * misses and false hits of the <em>tuning</em> part only, so that rules are never shaped by the held-out pairs;
 * {@code -Dscreening.hypocorisms=none} compares without the hypocorism list Orderly ships (the comparator before it).
 */
public final class NameClassSetEvaluation {
    /** Figures of one class on one part. */
    public record Result(
            String nameClass, boolean heldOut, int positives, int truePositives, int negatives, int falsePositives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return positives == 0 ? 1 : truePositives / (double) positives;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The seed the documented figures were taken with. */
    public static final long SEED = 20261206L;

    private NameClassSetEvaluation() {}

    public static void main(String[] args) {
        run(
                Path.of(args.length > 0 ? args[0] : System.getProperty("orderly.shared.data", "../shared/data")),
                System.out);
    }

    /** Returns null (and says so) when the shared data are absent. */
    public static List<Result> run(Path sharedData, PrintStream out) {
        if (!Files.isReadable(sharedData.resolve("screening/negatives_global.csv"))) {
            out.println("shared data absent at " + sharedData + ": skipping the name-class evaluation");
            return null;
        }
        boolean errors = Boolean.getBoolean("screening.errors");
        NameComparator comparator = "none".equals(System.getProperty("screening.hypocorisms"))
                ? new NameComparator(new NameNormaliser(), NameComparator.DEFAULT_THRESHOLD, GivenNameVariants.NONE)
                : new NameComparator();
        List<Result> results = new ArrayList<>();
        out.printf(
                Locale.ROOT,
                "name classes of issue 26 (seed %d, threshold %.2f, names only)%n",
                SEED,
                comparator.threshold());
        out.println("| class | part | pairs (same / different) | recall | precision | F1 |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        int[][] all = new int[2][4];
        for (Map.Entry<String, List<NameClassSets.Pair>> entry :
                NameClassSets.generate(sharedData, SEED).entrySet()) {
            for (boolean heldOut : new boolean[] {false, true}) {
                Result result = evaluate(entry.getKey(), entry.getValue(), heldOut, comparator, errors, out);
                results.add(result);
                int[] counts = {result.positives(), result.truePositives(), result.negatives(), result.falsePositives()
                };
                for (int i = 0; i < 4; i++) {
                    all[heldOut ? 1 : 0][i] += counts[i];
                }
                print(out, result);
            }
        }
        for (boolean heldOut : new boolean[] {false, true}) {
            int[] c = all[heldOut ? 1 : 0];
            Result result = new Result("all six classes", heldOut, c[0], c[1], c[2], c[3]);
            results.add(result);
            print(out, result);
        }
        return results;
    }

    /**
     * The figures of one class's pairs on one part (tuning or held out); with {@code errors}, prints the tuning part's
     * misses and false hits (never a held-out pair).
     */
    static Result evaluate(
            String nameClass,
            List<NameClassSets.Pair> pairs,
            boolean heldOut,
            NameComparator comparator,
            boolean errors,
            PrintStream out) {
        int[] counts = new int[4];
        for (NameClassSets.Pair pair : pairs) {
            if (pair.heldOut() != heldOut) {
                continue;
            }
            Comparison comparison = comparator.compare(pair.left(), pair.right());
            counts[pair.same() ? 0 : 2]++;
            if (comparison.match()) {
                counts[pair.same() ? 1 : 3]++;
            }
            if (errors && !heldOut && comparison.match() != pair.same()) {
                out.printf(
                        Locale.ROOT,
                        "  %s %s: %s | %s -> %s%n",
                        nameClass.substring(0, 1),
                        pair.same() ? "missed" : "false hit",
                        pair.left(),
                        pair.right(),
                        comparison.explanation());
            }
        }
        return new Result(nameClass, heldOut, counts[0], counts[1], counts[2], counts[3]);
    }

    static void print(PrintStream out, Result r) {
        out.printf(
                Locale.ROOT,
                "| %s | %s | %d / %d | %d/%d = %.3f | %.3f (%d false hits) | **%.3f** |%n",
                r.nameClass(),
                r.heldOut() ? "held out" : "tuning",
                r.positives(),
                r.negatives(),
                r.truePositives(),
                r.positives(),
                r.recall(),
                r.precision(),
                r.falsePositives(),
                r.f1());
    }
}
