package org.orderly.bench.screening;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.NameComparator;

/**
 * Precision, recall and F1 of the comparator at its default threshold on the labelled pairs of each name class
 * ({@link NameClassPairs}), names only (no birth dates or nationalities); misses and false hits are printed with
 * {@code -Dscreening.errors=true}.
 */
public final class NameClassEvaluation {
    /** Figures of one class. */
    public record ClassResult(
            String nameClass,
            int positives,
            int truePositives,
            int negatives,
            int falsePositives,
            double precision,
            double recall,
            double f1) {}

    /** The seed the documented figures were taken with. */
    public static final long SEED = 20261201L;

    private NameClassEvaluation() {}

    public static void main(String[] args) {
        run(
                Path.of(args.length > 0 ? args[0] : System.getProperty("orderly.shared.data", "../shared/data")),
                System.out);
    }

    /** Returns null (and says so) when the shared data are absent. */
    public static List<ClassResult> run(Path sharedData, PrintStream out) {
        if (!Files.isReadable(sharedData.resolve("screening/negatives_global.csv"))
                || !Files.isReadable(sharedData.resolve("names/nicknames.csv"))) {
            out.println("shared data absent at " + sharedData + ": skipping the name-class evaluation");
            return null;
        }
        boolean errors = Boolean.getBoolean("screening.errors");
        NameComparator comparator = comparator();
        List<ClassResult> results = new ArrayList<>();
        out.printf(
                Locale.ROOT,
                "name classes (held-out people, seed %d, threshold %.2f, names only, %s)%n",
                SEED,
                comparator.threshold(),
                comparator.givenNames().isEmpty()
                        ? "no hypocorism list"
                        : "hypocorisms of " + System.getProperty("screening.givenNames"));
        out.println("| class | pairs (same / different) | recall | precision | F1 |");
        out.println("| --- | --- | --- | --- | --- |");
        int allPositives = 0;
        int allTruePositives = 0;
        int allFalsePositives = 0;
        for (Map.Entry<String, List<NameClassPairs.Pair>> entry :
                NameClassPairs.generate(sharedData, SEED).entrySet()) {
            int positives = 0;
            int truePositives = 0;
            int negatives = 0;
            int falsePositives = 0;
            for (NameClassPairs.Pair pair : entry.getValue()) {
                Comparison comparison = comparator.compare(pair.left(), pair.right());
                if (pair.same()) {
                    positives++;
                    truePositives += comparison.match() ? 1 : 0;
                } else {
                    negatives++;
                    falsePositives += comparison.match() ? 1 : 0;
                }
                if (errors && comparison.match() != pair.same()) {
                    out.printf(
                            Locale.ROOT,
                            "  %s %s: %s | %s -> %s%n",
                            entry.getKey(),
                            pair.same() ? "missed" : "false hit",
                            pair.left(),
                            pair.right(),
                            comparison.explanation());
                }
            }
            ClassResult result = result(entry.getKey(), positives, truePositives, negatives, falsePositives);
            results.add(result);
            allPositives += positives;
            allTruePositives += truePositives;
            allFalsePositives += falsePositives;
            out.printf(
                    Locale.ROOT,
                    "| %s | %d / %d | %s | %s | %s |%n",
                    entry.getKey(),
                    positives,
                    negatives,
                    positives == 0
                            ? "—"
                            : String.format(Locale.ROOT, "%d/%d = %.3f", truePositives, positives, result.recall()),
                    String.format(Locale.ROOT, "%.3f (%d false hits)", result.precision(), falsePositives),
                    positives == 0 ? "—" : String.format(Locale.ROOT, "%.3f", result.f1()));
        }
        ClassResult all = result("all classes", allPositives, allTruePositives, 0, allFalsePositives);
        out.printf(
                Locale.ROOT,
                "| all classes | %d | %.3f | %.3f | %.3f |%n",
                allPositives,
                all.recall(),
                all.precision(),
                all.f1());
        results.add(all);
        return results;
    }

    /** The default comparator, with the hypocorism list named by {@code -Dscreening.givenNames=FILE} if given. */
    static NameComparator comparator() {
        String list = System.getProperty("screening.givenNames");
        return list == null
                ? new NameComparator()
                : new NameComparator(
                        new org.orderly.screening.normalise.NameNormaliser(),
                        NameComparator.DEFAULT_THRESHOLD,
                        org.orderly.screening.compare.GivenNameVariants.BUILT_IN.with(
                                org.orderly.screening.compare.GivenNameVariants.load(Path.of(list))));
    }

    private static ClassResult result(
            String nameClass, int positives, int truePositives, int negatives, int falsePositives) {
        double precision =
                truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        double recall = positives == 0 ? 1 : truePositives / (double) positives;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassResult(nameClass, positives, truePositives, negatives, falsePositives, precision, recall, f1);
    }
}
