package org.orderly.server.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Party;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.State;
import org.orderly.server.api.CommitmentView;
import org.orderly.server.api.PartyView;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.TreatyStatusImporter;
import org.orderly.travel.requirement.TravelRules;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The regime explorer (parties, instruments, their maps), rendered on the server. */
@Controller
class PagesController {
    private final RegimeService regime;
    private final WorldMap worldMap;

    PagesController(RegimeService regime, WorldMap worldMap) {
        this.regime = regime;
        this.worldMap = worldMap;
    }

    @GetMapping("/")
    String index(Model model) {
        Registry registry = regime.registry();
        model.addAttribute("states", registry.states().size());
        model.addAttribute(
                "organisations",
                registry.parties().stream()
                        .filter(p -> p.kind() == Party.PartyKind.ORGANISATION)
                        .count());
        model.addAttribute(
                "processes",
                registry.parties().stream()
                        .filter(p -> p.kind() == Party.PartyKind.PROCESS)
                        .count());
        model.addAttribute("instruments", registry.instruments().size());
        model.addAttribute("participations", registry.participations().size());
        model.addAttribute("commitments", registry.commitments().size());
        model.addAttribute("entryPolicies", registry.entryPolicies().size());
        return "index";
    }

    @GetMapping("/parties")
    String parties(Model model) {
        Registry registry = regime.registry();
        model.addAttribute(
                "states",
                registry.states().stream()
                        .sorted(Comparator.comparing(State::name))
                        .map(PartyView::of)
                        .toList());
        model.addAttribute(
                "others",
                registry.parties().stream()
                        .filter(p -> !(p instanceof State))
                        .map(PartyView::of)
                        .toList());
        return "parties";
    }

    @GetMapping("/parties/{id}")
    String party(@PathVariable String id, Model model) {
        Registry registry = regime.registry();
        String code = id.toUpperCase(Locale.ROOT);
        Party party = registry.party(code)
                .orElseThrow(() -> new NoSuchElementException("No party with the code '" + id + "'."));
        model.addAttribute("party", PartyView.of(party));
        List<Participation> participations = registry.participationsOf(code);
        model.addAttribute("participations", participations);
        Map<String, String> subjectNames = new HashMap<>();
        Map<String, String> subjectLinks = new HashMap<>();
        for (Participation p : participations) {
            registry.instrument(p.subjectId())
                    .ifPresentOrElse(
                            i -> {
                                subjectNames.put(i.id(), i.title());
                                subjectLinks.put(i.id(), "/instruments/" + i.id());
                            },
                            () -> {
                                subjectNames.put(
                                        p.subjectId(),
                                        registry.party(p.subjectId())
                                                .map(Party::name)
                                                .orElse(p.subjectId()));
                                subjectLinks.put(p.subjectId(), "/parties/" + p.subjectId());
                            });
        }
        model.addAttribute("subjectNames", subjectNames);
        model.addAttribute("subjectLinks", subjectLinks);
        model.addAttribute("members", party instanceof State ? null : registry.participationsIn(code));
        if (party instanceof State) {
            LocalDate today = RegimeService.today();
            TravelRules rules = regime.travelRules(today);
            Rulebook rulebook = rules.rulebook();
            int self = rulebook.indexOf(code);
            Map<String, Integer> mobility = new TreeMap<>();
            java.util.Set<LocalDate> snapshotDates = new java.util.TreeSet<>();
            Map<Commitment, List<String>> owedTo = new LinkedHashMap<>();
            Map<Commitment, List<String>> owedBy = new LinkedHashMap<>();
            for (int other = 0; other < rulebook.size(); other++) {
                if (other == self) continue;
                var requirement = rules.requirement(self, other);
                mobility.merge(requirement.category().label(), 1, Integer::sum);
                if (requirement.basis() == org.orderly.travel.requirement.TravelRequirement.Basis.UNILATERAL_POLICY) {
                    requirement.sources().forEach(s -> snapshotDates.add(s.asOf()));
                }
                for (Commitment c : rulebook.between(other, self))
                    owedTo.computeIfAbsent(c, k -> new ArrayList<>()).add(rulebook.codeAt(other));
                for (Commitment c : rulebook.between(self, other))
                    owedBy.computeIfAbsent(c, k -> new ArrayList<>()).add(rulebook.codeAt(other));
            }
            model.addAttribute("mobility", mobility);
            model.addAttribute("mobilityData", mobilityData(snapshotDates, today));
            model.addAttribute("owedTo", grouped(owedTo, registry));
            model.addAttribute("owedBy", grouped(owedBy, registry));
        } else {
            model.addAttribute("mobility", null);
            model.addAttribute("mobilityData", null);
            model.addAttribute("owedTo", null);
            model.addAttribute("owedBy", null);
        }
        return "party";
    }

    /**
     * Which visa matrix the counts rest on, with the warning a travel answer gives when its data lie more than a year from
     * the date: "the visa matrix of 2025-01-12, 1 year and 10 months before today; …".
     */
    static String mobilityData(java.util.Set<LocalDate> snapshotDates, LocalDate today) {
        if (snapshotDates.isEmpty()) return "Counted from the commitments in force; no visa matrix is imported.";
        StringBuilder text =
                new StringBuilder("Counted on " + today + " from the commitments in force and the visa matrix of ");
        text.append(String.join(
                ", ", snapshotDates.stream().map(LocalDate::toString).toList()));
        org.orderly.travel.requirement.DataAge age = new org.orderly.travel.requirement.DataAge(
                snapshotDates.stream().min(LocalDate::compareTo).orElseThrow(), today);
        text.append(" (")
                .append(age.describe())
                .append(age.after() ? " after" : " before")
                .append(" today)");
        if (age.stale())
            text.append(
                    ". Warning: that is more than a year away, and entry policies change: confirm with the destination before you travel");
        return text.append('.').toString();
    }

    /** A commitment in force and the states on its other side, for the party page. */
    record CommitmentGroup(String description, String instrumentId, String instrumentTitle, List<String> states) {}

    private static List<CommitmentGroup> grouped(Map<Commitment, List<String>> byCommitment, Registry registry) {
        return byCommitment.entrySet().stream()
                .map(e -> new CommitmentGroup(
                        e.getKey().describe(),
                        e.getKey().instrumentId(),
                        registry.instrument(e.getKey().instrumentId())
                                .map(Instrument::title)
                                .orElse(e.getKey().instrumentId()),
                        e.getValue()))
                .sorted(Comparator.comparing((CommitmentGroup g) -> -g.states().size())
                        .thenComparing(CommitmentGroup::instrumentId))
                .toList();
    }

    @GetMapping("/instruments")
    String instruments(Model model) {
        Registry registry = regime.registry();
        LocalDate today = RegimeService.today();
        Map<String, String> bound = new HashMap<>();
        // The same count as the instrument page's "bound on" figure; never a 0 for what was never recorded.
        registry.instruments().forEach(i -> {
            String extract = TreatyStatusImporter.extractNote(regime.store(), i.id());
            bound.put(
                    i.id(),
                    registry.participationsIn(i.id()).isEmpty()
                            ? "not recorded in Orderly"
                            : registry.boundParties(i.id(), today).size() + (extract.isEmpty() ? "" : " " + extract));
        });
        model.addAttribute(
                "instruments",
                registry.instruments().stream()
                        .sorted(Comparator.comparing(Instrument::level).thenComparing(Instrument::title))
                        .toList());
        model.addAttribute("bound", bound);
        return "instruments";
    }

    @GetMapping("/instruments/{id}")
    String instrument(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Registry registry = regime.registry();
        Instrument instrument = registry.instrument(id)
                .orElseThrow(() -> new NoSuchElementException("No instrument with the id '" + id + "'."));
        LocalDate on = date == null ? RegimeService.today() : date;
        model.addAttribute("instrument", instrument);
        model.addAttribute("date", on);
        model.addAttribute(
                "commitments",
                registry.commitmentsUnder(id).stream().map(CommitmentView::of).toList());
        ParticipationFacts facts = ParticipationFacts.of(
                registry,
                instrument,
                on,
                regime.store().importCoverage(TreatyStatusImporter.ORIGIN, id),
                TreatyStatusImporter.extractNote(regime.store(), id));
        model.addAttribute("facts", facts);
        model.addAttribute("howToAdd", ParticipationFacts.HOW_TO_ADD);
        // The date of the status an imported extract gives, said beside the count with the primary source's link.
        model.addAttribute(
                "statusAsAt",
                regime.store().extractAsOf(TreatyStatusImporter.ORIGIN, id).orElse(null));
        model.addAttribute("participations", facts.rows());
        Map<String, String> names = new HashMap<>();
        registry.parties().forEach(p -> names.put(p.id(), p.name()));
        model.addAttribute("names", names);
        return "instrument";
    }

    /** One map entry: the geometry's country name, the party's name, its status and a rank for the colour. */
    record MapEntry(String name, String label, String status, int[] value) {}

    @GetMapping("/map/{id}.json")
    @ResponseBody
    List<MapEntry> map(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Registry registry = regime.registry();
        LocalDate on = date == null ? RegimeService.today() : date;
        if (registry.instrument(id).isEmpty())
            throw new NoSuchElementException("No instrument with the id '" + id + "'.");
        // What existed on the date only: nothing before the instrument did, a year-only date as "during" its year,
        // an unknown date never; bound only by the registry's one rule (the instrument in force and the party's own
        // date).
        java.util.Set<String> bound = registry.boundParties(id, on);
        List<MapEntry> entries = new ArrayList<>();
        registry.strongestParticipationsOn(id, on).forEach((party, p) -> {
            String name = worldMap.name(party).orElse(null);
            if (name == null) return;
            // Bound; taking part without being bound (signed, ratified before the entry into force, or during the year
            // shown); observer.
            int rank = bound.contains(party) ? 3 : p.status() == Participation.Status.OBSERVER ? 1 : 2;
            String label = registry.party(party).map(Party::name).orElse(party);
            entries.add(new MapEntry(name, label, ParticipationFacts.status(registry, p, on), new int[] {rank}));
        });
        return entries;
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
