package org.orderly.border.crossing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.orderly.border.record.FieldException;
import org.orderly.border.record.RecordFields;
import org.orderly.border.stay.StayRules;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.travel.requirement.RuleIntervals;
import org.orderly.travel.requirement.TravelRequirement;
import org.orderly.travel.requirement.TravelRules;

/**
 * The one way a crossing comes in, whichever way it is sent (the API, {@code crossings import}, a Kafka message): every
 * field checked by {@link RecordFields}, and an entry sent without its stay rule given the rule the rulebook sets for
 * the nationality entering that state on that day ({@link StayRules}); where the rulebook sets none (a visa is required,
 * or no limit is recorded), the entry is refused on its {@code rule} field, saying why and what to give.
 */
public final class CrossingIntake {
    private static volatile CrossingIntake reference;

    private final RecordFields fields;
    private final Function<LocalDate, TravelRules> rules;

    /**
     * @param fields the rules every field must meet
     * @param rules  the travel rules on a date (callers may cache them), asked only for an entry without a rule
     */
    public CrossingIntake(RecordFields fields, Function<LocalDate, TravelRules> rules) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The intake over a registry alone (a command, a stream job): its states, and its travel rules compiled once per
     * interval between rule changes ({@link RuleIntervals}), for the few questions that entries without a rule ask.
     */
    public static CrossingIntake of(Registry registry) {
        return new CrossingIntake(RecordFields.of(registry), rulesOf(registry));
    }

    /** The intake over Orderly's reference data (what a stream job reads with, having no database). */
    public static CrossingIntake reference() {
        CrossingIntake known = reference;
        if (known == null) {
            known = of(ReferenceData.load());
            reference = known;
        }
        return known;
    }

    private static Function<LocalDate, TravelRules> rulesOf(Registry registry) {
        RuleIntervals intervals = RuleIntervals.of(registry);
        Map<Integer, TravelRules> compiled = new ConcurrentHashMap<>();
        return date -> compiled.computeIfAbsent(
                        intervals.of(date), interval -> TravelRules.forFewQuestions(Rulebook.compile(registry, date)))
                .on(date);
    }

    /** The field rules this intake checks with. */
    public RecordFields fields() {
        return fields;
    }

    /**
     * A crossing whose every field passed its rule; an entry without a rule gets the rulebook's. The field names are the
     * columns of {@link CrossingRecords}.
     *
     * @throws FieldException naming the field and what is wrong; for an entry without a rule that the rulebook cannot
     *     give, the field {@code rule}, the nationality, the state, the day and the rulebook's answer
     */
    public Crossing crossing(
            String id,
            String traveller,
            Crossing.Direction direction,
            Instant at,
            String state,
            String crossingPoint,
            String documentNumber,
            String issuingState,
            String nationality,
            String rule) {
        String stayRule = rule;
        if (direction == Crossing.Direction.ENTRY && (rule == null || rule.isBlank())) {
            stayRule = ruleFromRulebook(at, state, issuingState, nationality);
        }
        return fields.crossing(
                id,
                traveller,
                direction,
                at,
                state,
                crossingPoint,
                documentNumber,
                issuingState,
                nationality,
                stayRule);
    }

    private String ruleFromRulebook(Instant at, String state, String issuingState, String nationality) {
        // The fields the answer depends on are checked first, so that a bad one is named as itself.
        LocalDate day = LocalDate.ofInstant(RecordFields.instant("at", at), ZoneOffset.UTC);
        String border = fields.state("state", state);
        String issuer = fields.travelCode("issuing_state", issuingState);
        if (issuer == null) throw new FieldException("issuing_state", "is missing");
        String holder = Optional.ofNullable(fields.travelCode("nationality", nationality))
                .orElse(issuer);
        Optional<TravelRequirement> requirement = rules.apply(day).requirement(holder, border);
        return requirement
                .flatMap(StayRules::of)
                .map(StayRuleCodes::code)
                .orElseThrow(() -> new FieldException(
                        "rule",
                        "is missing, and the rulebook sets no stay limit for " + holder + " nationals entering "
                                + border + " on " + day
                                + requirement
                                        .map(r -> " (" + r.category().label() + ")")
                                        .orElse(" (" + holder + " is not a state of the registry)")
                                + ": give the rule, e.g. the visa's terms as visa:FROM..UNTIL:ENTRIES:DAYS/180"));
    }
}
