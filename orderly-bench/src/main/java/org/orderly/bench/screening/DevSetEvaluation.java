package org.orderly.bench.screening;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.orderly.screening.Hit;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;

/**
 * Precision, recall and F1 of the default threshold on the shared development set: each treated UN name must match
 * its untreated twin, and no global negative may hit any UN entry. The set is split once and for all by data row
 * (the first data row is row 0): rows whose number is 2 modulo 3 are held out (228 of the 683 pairs, 16,666 of the
 * 50,000 negatives) and only ever reported, never tuned on; the other rows are the tuning part.
 */
public final class DevSetEvaluation {
    /** Figures of one evaluation; {@code withBirthDates} tells whether birth dates took part. */
    public record Result(
            Part part,
            boolean withBirthDates,
            int positives,
            int truePositives,
            int twinsFoundByIndex,
            int negatives,
            int falsePositives,
            double precision,
            double recall,
            double f1) {}

    /** Which rows of the development set an evaluation reads. */
    public enum Part {
        TUNING,
        HELD_OUT,
        ALL;

        /** Whether data row {@code row} (0 = the first row after the header) belongs to this part. */
        public boolean contains(int row) {
            return switch (this) {
                case TUNING -> row % 3 != 2;
                case HELD_OUT -> row % 3 == 2;
                case ALL -> true;
            };
        }
    }

    private DevSetEvaluation() {}

    public static void main(String[] args) {
        Path directory = Path.of(
                        args.length > 0 ? args[0] : System.getProperty("orderly.shared.data", "../shared/data"))
                .resolve(args.length > 0 ? "" : "screening");
        // -Dscreening.parts=tuning measures the tuning part alone (the held-out part is read once, on final code).
        boolean tuningOnly = "tuning".equals(System.getProperty("screening.parts"));
        for (Part part : Part.values()) {
            if (tuningOnly && part != Part.TUNING) {
                continue;
            }
            run(directory, part, true, System.out);
            run(directory, part, false, System.out);
        }
    }

    /** Returns null (and says so) when the data set is absent. */
    public static Result run(Path screeningDirectory, Part part, boolean withBirthDates, PrintStream out) {
        Path untreated = screeningDirectory.resolve("positives_un_untreated.csv");
        Path treated = screeningDirectory.resolve("positives_un_treated.csv");
        Path negativesFile = screeningDirectory.resolve("negatives_global.csv");
        if (!Files.isReadable(untreated) || !Files.isReadable(treated) || !Files.isReadable(negativesFile)) {
            out.println("development set absent at " + screeningDirectory + ": skipping the evaluation");
            return null;
        }
        Watchlist un = strip(WatchlistCsv.load(untreated), withBirthDates);
        List<PersonEntry> twins =
                strip(WatchlistCsv.load(treated), withBirthDates).persons();
        List<PersonEntry> others =
                strip(WatchlistCsv.load(negativesFile), withBirthDates).persons();
        Screener screener = new Screener(List.of(un), NameClassEvaluation.comparator());
        NameComparator comparator = screener.comparator();
        int truePositives = 0;
        int foundByIndex = 0;
        int positives = 0;
        for (int i = 0; i < twins.size(); i++) {
            if (!part.contains(i)) {
                continue;
            }
            positives++;
            PersonEntry listed = un.persons().get(i);
            PersonEntry twin = twins.get(i);
            PersonDetails query = new PersonDetails(twin.name(), twin.birthDate(), twin.nationality());
            if (comparator
                    .compare(query, new PersonDetails(listed.name(), listed.birthDate(), listed.nationality()))
                    .match()) {
                truePositives++;
            }
            for (Hit hit : screener.screen(query)) {
                if (hit.entry() == listed) {
                    foundByIndex++;
                    break;
                }
            }
        }
        int falsePositives = 0;
        int negatives = 0;
        for (int i = 0; i < others.size(); i++) {
            if (!part.contains(i)) {
                continue;
            }
            negatives++;
            PersonEntry negative = others.get(i);
            List<Hit> hits =
                    screener.screen(new PersonDetails(negative.name(), negative.birthDate(), negative.nationality()));
            if (!hits.isEmpty()) {
                falsePositives++;
                // The tuning part's false positives only, so that no rule is shaped by the held-out part.
                if (part == Part.TUNING && Boolean.getBoolean("screening.errors")) {
                    out.println("  false positive: " + negative.name() + " | "
                            + hits.get(0).matchedName() + " -> "
                            + hits.get(0).explanation().explanation());
                }
            }
        }
        double precision =
                truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) positives;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Result result = new Result(
                part,
                withBirthDates,
                positives,
                truePositives,
                foundByIndex,
                negatives,
                falsePositives,
                precision,
                recall,
                f1);
        out.printf(
                Locale.ROOT,
                "dev set %s part (%s, threshold %.2f): recall %d/%d = %.4f (index finds %d), false positives %d/%d,"
                        + " precision %.4f, F1 %.4f%n",
                part.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                withBirthDates ? "names + birth dates + nationality" : "names only",
                comparator.threshold(),
                truePositives,
                positives,
                recall,
                foundByIndex,
                falsePositives,
                negatives,
                precision,
                f1);
        return result;
    }

    private static Watchlist strip(Watchlist list, boolean keepBirthDates) {
        if (keepBirthDates) {
            return list;
        }
        return new Watchlist(
                list.name(),
                list.persons().stream()
                        .map(p -> new PersonEntry(p.id(), p.name(), p.aliases(), null, null))
                        .toList(),
                list.documents());
    }
}
