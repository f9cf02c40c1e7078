package org.orderly.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orderly.passengers.assessment.Finding;
import org.orderly.passengers.assessment.PreArrivalAssessment;
import org.orderly.passengers.assessment.RiskRule;
import org.orderly.passengers.assessment.RiskRuleException;
import org.orderly.passengers.assessment.RiskRules;
import org.orderly.passengers.assessment.TravellerAssessment;
import org.orderly.passengers.manifest.Manifest;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.screening.Screener;
import org.orderly.screening.compare.Nationality;
import org.orderly.screening.watchlist.Watchlist;
import org.orderly.screening.watchlist.WatchlistCsv;
import org.orderly.screening.watchlist.WatchlistFormatException;
import org.orderly.travel.requirement.TravelRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Assesses every traveller of a PAXLST or PNRGOV file before arrival: documents, watchlists, travel requirement, risk rules. */
@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        description = {
            "Assess every traveller of a PAXLST or PNRGOV file before arrival: document checks (expiry on the "
                    + "arrival date, issuing state), screening of names and documents against watchlist CSV files, the travel "
                    + "requirement at --destination (from Orderly's reference rulebook on the arrival date), and risk rules; "
                    + "each finding with its explanation.",
            "Exit status 0 when the file was read and assessed (with or without hits)."
        })
final class AssessCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the message file")
    Path file;

    @Option(
            names = "--watchlist",
            required = true,
            paramLabel = "FILE",
            description = "a watchlist CSV (persons or lost/stolen documents); repeatable")
    List<Path> watchlists;

    @Option(
            names = "--destination",
            paramLabel = "XXX",
            description = "the state of arrival (alpha-3): adds the travel requirement")
    String destination;

    @Option(names = "--rules", paramLabel = "FILE", description = "risk rules, one per line (see docs/passengers.md)")
    Path rules;

    @Option(
            names = "--on",
            paramLabel = "DATE",
            description = "the date of the checks (default: the arrival date in the message)")
    LocalDate on;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        List<Watchlist> lists = new ArrayList<>();
        for (Path w : watchlists) {
            try {
                lists.add(WatchlistCsv.load(w));
            } catch (WatchlistFormatException e) {
                throw new Orderly.CommandFailure("watchlist " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new Orderly.CommandFailure(
                        e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        List<RiskRule> riskRules = List.of();
        if (rules != null) {
            try {
                riskRules = RiskRules.parse(Files.readString(rules), rules.toString());
            } catch (IOException e) {
                throw new Orderly.CommandFailure("cannot read " + rules + ": " + e.getMessage());
            } catch (RiskRuleException e) {
                throw new Orderly.CommandFailure(e.getMessage());
            }
        }
        String state = null;
        if (destination != null) {
            state = Nationality.alpha3(destination);
            if (state == null)
                throw new Orderly.CommandFailure("--destination " + destination + " is not a state code");
        }
        LocalDate today = org.orderly.regime.RegimeDates.today(Orderly.clock(spec));
        Manifest manifest = PassengersCommand.read(file, json, today);
        LocalDate date = on != null ? on : PreArrivalAssessment.arrivalDate(manifest, today);
        TravelRules travelRules =
                state == null ? null : TravelRules.compile(Rulebook.compile(ReferenceData.load(), date));
        List<TravellerAssessment> results =
                new PreArrivalAssessment(new Screener(lists), travelRules, state, riskRules).assess(manifest, date);
        long hits = results.stream().filter(TravellerAssessment::hit).count();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("file", file.toString());
            document.put("messageType", manifest.type());
            document.put("on", date);
            document.put("destination", state);
            document.put(
                    "watchlists",
                    lists.stream()
                            .map(l -> Map.of(
                                    "name",
                                    l.name(),
                                    "persons",
                                    l.persons().size(),
                                    "documents",
                                    l.documents().size()))
                            .toList());
            document.put("riskRules", riskRules);
            document.put("travellers", results);
            document.put("travellersWithHits", hits);
            document.put("warnings", manifest.warnings());
            Json.print(document);
            return 0;
        }
        System.out.println(manifest.type() + " " + file + ": " + results.size() + " travellers assessed on " + date
                + (state == null ? "" : " for arrival in " + state) + "; " + hits + " with hits");
        for (TravellerAssessment a : results) {
            System.out.println("  " + a.travellerId() + "  " + a.name()
                    + (a.hit()
                            ? "  — " + a.findings().size() + (a.findings().size() == 1 ? " hit" : " hits")
                            : "  — no hit"));
            for (Finding f : a.findings()) {
                System.out.println("      " + f.kind().name().toLowerCase().replace('_', ' ')
                        + (f.reference() == null ? "" : " " + f.reference())
                        + (f.score() == null ? "" : " score " + f.score()) + ": " + f.explanation());
            }
            if (a.requirement() != null) System.out.println("      requirement: " + a.requirement());
        }
        if (!manifest.warnings().isEmpty())
            System.out.println("warnings (" + manifest.warnings().size() + ") — see: orderly passengers parse " + file);
        return 0;
    }
}
