package org.orderly.regime.coherence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;

/**
 * The coherence checker: the regime's rules, run over the whole registry on a date or over a draft (only the conflicts that
 * involve it). Each rule finds the pairs it cares about through indexes (the waivers of a state bound by a visa list, the
 * floors binding a sender) rather than by trying every pair of commitments; {@code CoherenceRulesTest} proves that a
 * draft's check finds exactly what a whole-registry check with the draft recorded finds about it. Thread-safe; the index of
 * the latest registry is kept, so a draft checked on a date the registry was checked on costs the draft alone.
 */
public final class CoherenceRules implements CoherenceChecker {
    /** The rules of the regime: common visa lists, refugee protection, equal treatment, data-protection floors, participation dates. */
    public static final CoherenceRules STANDARD = new CoherenceRules(List.of(
            new VisaListRule(),
            new RefugeeProtectionRule(),
            new EqualTreatmentRule(),
            new DataProtectionFloorRule(),
            new ParticipationDatesRule()));

    /** A rule as people read it: the conflict kind it reports, its name in a few words, the rule in a sentence, and its source. */
    public record Rule(String kind, String name, String statement, Source source) {}

    /** The rule that reports a kind of conflict (its name for a page), if any. */
    public java.util.Optional<Rule> rule(String kind) {
        return rules().stream().filter(r -> r.kind().equals(kind)).findFirst();
    }

    private static final Comparator<Conflict> ORDER = Comparator.comparing(Conflict::severity)
            .thenComparing(Conflict::kind)
            .thenComparing(
                    c -> c.commitments().isEmpty() ? "" : c.commitments().get(0).instrument())
            .thenComparingInt(
                    c -> c.commitments().isEmpty() ? 0 : c.commitments().get(0).number())
            .thenComparing(c -> String.join(",", c.parties()));

    private final List<CoherenceRule> rules;
    private final AtomicReference<RegistryIndex> index = new AtomicReference<>();

    private CoherenceRules(List<CoherenceRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules.stream()
                .map(r -> new Rule(r.kind(), r.name(), r.statement(), r.source()))
                .toList();
    }

    /** Every conflict among the commitments in force in the registry on the date, conflicts before risks. */
    public List<Conflict> conflicts(Registry registry, LocalDate date) {
        return run(new Bindings(index(registry), null, date));
    }

    /** The conflicts that involve the draft (one of its commitments) once it is added to the registry, on the date. */
    @Override
    public List<Conflict> conflicts(Registry registry, Draft draft, LocalDate date) {
        RegistryIndex held = index(registry);
        int before = held.commitmentsUnder(draft.instrument().id());
        return run(new Bindings(held, draft, date)).stream()
                .filter(c -> c.commitments().stream()
                        .anyMatch(r -> r.instrument().equals(draft.instrument().id()) && r.number() > before))
                .toList();
    }

    private List<Conflict> run(Bindings on) {
        List<Conflict> found = new ArrayList<>();
        for (CoherenceRule rule : rules) rule.check(on, found::add);
        found.sort(ORDER);
        return List.copyOf(found);
    }

    private RegistryIndex index(Registry registry) {
        RegistryIndex held = index.get();
        if (held != null && held.registry == registry) return held;
        RegistryIndex built = new RegistryIndex(registry);
        index.set(built);
        return built;
    }
}
