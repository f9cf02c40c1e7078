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
 * its untreated twin, and no global negative may hit any UN entry.
 */
public final class DevSetEvaluation {
    /** Figures of one evaluation; {@code withBirthDates} tells whether birth dates took part. */
    public record Result(boolean withBirthDates, int positives, int truePositives, int twinsFoundByIndex, int negatives,
                         int falsePositives, double precision, double recall, double f1) {
    }

    private DevSetEvaluation() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : System.getProperty("orderly.shared.data", "../shared/data"))
                .resolve(args.length > 0 ? "" : "screening");
        run(directory, true, System.out);
        run(directory, false, System.out);
    }

    /** Returns null (and says so) when the data set is absent. */
    public static Result run(Path screeningDirectory, boolean withBirthDates, PrintStream out) {
        Path untreated = screeningDirectory.resolve("positives_un_untreated.csv");
        Path treated = screeningDirectory.resolve("positives_un_treated.csv");
        Path negatives = screeningDirectory.resolve("negatives_global.csv");
        if (!Files.isReadable(untreated) || !Files.isReadable(treated) || !Files.isReadable(negatives)) {
            out.println("development set absent at " + screeningDirectory + ": skipping the evaluation");
            return null;
        }
        Watchlist un = strip(WatchlistCsv.load(untreated), withBirthDates);
        List<PersonEntry> twins = strip(WatchlistCsv.load(treated), withBirthDates).persons();
        List<PersonEntry> others = strip(WatchlistCsv.load(negatives), withBirthDates).persons();
        Screener screener = new Screener(List.of(un));
        NameComparator comparator = screener.comparator();
        int truePositives = 0;
        int foundByIndex = 0;
        for (int i = 0; i < twins.size(); i++) {
            PersonEntry listed = un.persons().get(i);
            PersonEntry twin = twins.get(i);
            PersonDetails query = new PersonDetails(twin.name(), twin.birthDate(), twin.nationality());
            if (comparator.compare(query, new PersonDetails(listed.name(), listed.birthDate(), listed.nationality()))
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
        for (PersonEntry negative : others) {
            if (!screener.screen(new PersonDetails(negative.name(), negative.birthDate(), negative.nationality()))
                    .isEmpty()) {
                falsePositives++;
            }
        }
        double precision = truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) twins.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Result result = new Result(withBirthDates, twins.size(), truePositives, foundByIndex, others.size(),
                falsePositives, precision, recall, f1);
        out.printf(Locale.ROOT, "dev set (%s, threshold %.2f): recall %d/%d = %.4f (index finds %d), false positives %d/%d,"
                        + " precision %.4f, F1 %.4f%n", withBirthDates ? "names + birth dates + nationality" : "names only",
                comparator.threshold(), truePositives, twins.size(), recall, foundByIndex, falsePositives,
                others.size(), precision, f1);
        return result;
    }

    private static Watchlist strip(Watchlist list, boolean keepBirthDates) {
        if (keepBirthDates) {
            return list;
        }
        return new Watchlist(list.name(), list.persons().stream()
                .map(p -> new PersonEntry(p.id(), p.name(), p.aliases(), null, null)).toList(), list.documents());
    }
}
