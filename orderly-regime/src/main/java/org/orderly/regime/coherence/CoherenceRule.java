package org.orderly.regime.coherence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.orderly.regime.Source;

/** One rule of coherence: what it says, where the law says it, and how it finds what breaks it on a date. */
abstract sealed class CoherenceRule
        permits VisaListRule,
                RefugeeProtectionRule,
                EqualTreatmentRule,
                DataProtectionFloorRule,
                ParticipationDatesRule {
    private final String kind;
    private final String name;
    private final String statement;
    private final Source source;

    /**
     * @param kind the conflict kind the rule reports, e.g. {@code VISA_WAIVER_AGAINST_COMMON_VISA_LIST}
     * @param name the rule in a few words, for a table column or a menu
     * @param statement the rule in one sentence
     * @param source where the rule comes from
     */
    CoherenceRule(String kind, String name, String statement, Source source) {
        this.kind = kind;
        this.name = name;
        this.statement = statement;
        this.source = source;
    }

    final String kind() {
        return kind;
    }

    final String name() {
        return name;
    }

    final String statement() {
        return statement;
    }

    final Source source() {
        return source;
    }

    /** Reports every breach that involves one of {@link Bindings#subjects}. */
    abstract void check(Bindings on, Consumer<Conflict> found);

    /** A conflict of this rule among commitments in force, naming their instruments and sources and the rule's own. */
    final Conflict conflict(
            Conflict.Severity severity,
            String explanation,
            List<InForce> involved,
            Collection<String> parties,
            List<String> moreInstruments,
            List<Source> moreSources) {
        Set<String> instruments = new LinkedHashSet<>();
        List<CommitmentRef> refs = new ArrayList<>();
        Set<Source> sources = new LinkedHashSet<>();
        for (InForce f : involved) {
            instruments.add(f.commitment().instrumentId());
            refs.add(f.ref());
            sources.add(f.commitment().source());
        }
        instruments.addAll(moreInstruments);
        sources.addAll(moreSources);
        sources.add(source());
        return new Conflict(
                kind(),
                severity,
                explanation,
                List.copyOf(instruments),
                refs,
                List.copyOf(new TreeSet<>(parties)),
                List.copyOf(sources));
    }
}
