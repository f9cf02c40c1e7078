package org.orderly.travel.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.orderly.regime.Commitment;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Party;
import org.orderly.regime.RightsFloor;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.channel.Applicant;
import org.orderly.regime.channel.Assessment;
import org.orderly.regime.channel.Condition;
import org.orderly.regime.channel.Criterion;
import org.orderly.regime.channel.Occupations;
import org.orderly.regime.channel.OpenChannels;
import org.orderly.regime.channel.Provenance;
import org.orderly.regime.channel.Quota;
import org.orderly.travel.channel.occupation.EscoOccupations;
import org.orderly.travel.channel.occupation.OccupationAnswer;
import org.orderly.travel.requirement.TravelQueries;

/**
 * The channel finder: for a person (nationality, and whatever else they say), every legal channel in force on the date
 * that is open to their nationality, in one destination or all, each criterion met, not met or unknown (unknown when
 * the person did not say: never assumed met), the verdict, the quota for the year, who decides and where to apply,
 * rights and sources. The page, the API and the command line all ask through {@link #find}.
 */
public final class ChannelFinder {
    /** The verdicts, best first. */
    public static final List<String> VERDICTS = List.of("eligible", "could be eligible", "not eligible");

    private final TravelQueries states;
    private final Function<LocalDate, Rulebook> rulebooks;
    private final Supplier<Optional<EscoOccupations>> occupations;
    private final QuotaUse quotaUse;

    /**
     * @param states      resolves what people type for states (names, aliases, codes), with suggestions
     * @param rulebooks   the rules in force on a date (callers cache them)
     * @param occupations the ESCO occupations, when the files were found
     * @param quotaUse    places allocated per channel and year (the quota ledger), or {@link QuotaUse#NONE}
     */
    public ChannelFinder(
            TravelQueries states,
            Function<LocalDate, Rulebook> rulebooks,
            Supplier<Optional<EscoOccupations>> occupations,
            QuotaUse quotaUse) {
        this.states = Objects.requireNonNull(states, "states");
        this.rulebooks = Objects.requireNonNull(rulebooks, "rulebooks");
        this.occupations = Objects.requireNonNull(occupations, "occupations");
        this.quotaUse = Objects.requireNonNull(quotaUse, "quota use");
    }

    /**
     * The answer to a question.
     *
     * @throws org.orderly.travel.requirement.UnknownStateException for a state no name, alias or code matches (with suggestions)
     * @throws UnknownOccupationException for words that reach no ESCO occupation (with suggestions)
     * @throws IllegalArgumentException when occupations are asked for but the ESCO files were not found
     */
    public ChannelAnswer find(ChannelQuestion q) {
        State passport = states.state("passport", q.passport());
        State only = q.destination() == null ? null : states.state("destination", q.destination());
        LocalDate date = q.date() == null ? states.today() : q.date();
        int year = date.getYear();
        ChannelAnswer.Occupation occupation = null;
        Set<String> isco = Set.of();
        Boolean regulated = null;
        if (q.occupation() != null) {
            EscoOccupations esco = occupations
                    .get()
                    .orElseThrow(
                            () -> new IllegalArgumentException(
                                    "occupation cannot be looked up: the ESCO occupation files (../shared/data/occupations) were not found"));
            OccupationAnswer answer = esco.find(q.occupation());
            OccupationAnswer.Found found = answer.match(f -> f, notFound -> {
                throw new UnknownOccupationException(notFound.words(), notFound.suggestions());
            });
            isco = Set.of(found.occupation().isco());
            regulated = found.occupation().regulated();
            occupation = new ChannelAnswer.Occupation(
                    found.occupation().isco(),
                    found.groupLabel(),
                    found.words(),
                    found.occupation().preferredLabel(),
                    found.occupation().regulated());
        }
        Applicant person = new Applicant(
                passport.id(),
                isco,
                regulated,
                q.salary(),
                q.iscedLevel(),
                q.languages(),
                q.age(),
                q.experienceYears(),
                q.jobOffer(),
                q.recognised());
        Rulebook rules = rulebooks.apply(date);
        List<ChannelAnswer.Channel> found = new ArrayList<>();
        int origin = rules.indexOf(passport.id());
        for (int d = 0; d < rules.size(); d++) {
            if (only != null && !only.id().equals(rules.codeAt(d))) continue;
            for (LegalChannel channel : OpenChannels.between(rules, d, origin))
                found.add(answer(channel, person, year, rules, rules.between(d, origin)));
        }
        // Within a verdict and a destination, the channels keep the one order OpenChannels gives (the travel answer's
        // too).
        found.sort(Comparator.comparingInt((ChannelAnswer.Channel c) -> VERDICTS.indexOf(c.verdict()))
                .thenComparing(ChannelAnswer.Channel::destinationName));
        return new ChannelAnswer(found, occupation);
    }

    private ChannelAnswer.Channel answer(
            LegalChannel channel, Applicant person, int year, Rulebook rules, List<Commitment> owed) {
        Map<String, ChannelAnswer.SourceView> sources = new LinkedHashMap<>();
        source(sources, channel.source(), channel.verified());
        List<ChannelAnswer.Criterion> criteria = new ArrayList<>();
        String nationality = channel.anyNationality()
                ? "open to any nationality"
                : "open to nationals of " + person.nationality() + " under " + channel.instrumentId();
        criteria.add(new ChannelAnswer.Criterion(
                "nationality",
                Assessment.Status.MET.words(),
                nationality,
                true,
                channel.source().title(),
                channel.source().asOf()));
        if (!channel.occupations().isEmpty()) {
            String groups = String.join(", ", channel.occupations());
            Assessment.Status status = person.occupations().isEmpty()
                    ? Assessment.Status.UNKNOWN
                    : person.occupations().stream().anyMatch(o -> Occupations.within(o, channel.occupations()))
                            ? Assessment.Status.MET
                            : Assessment.Status.NOT_MET;
            String detail = switch (status) {
                case UNKNOWN -> "for ISCO-08 groups " + groups + "; you did not give your occupation";
                case MET ->
                    "your occupation (ISCO " + String.join(", ", person.occupations()) + ") is within ISCO-08 groups "
                            + groups;
                case NOT_MET ->
                    "only ISCO-08 groups " + groups + "; yours is " + String.join(", ", person.occupations());
            };
            criteria.add(new ChannelAnswer.Criterion(
                    "occupation",
                    status.words(),
                    detail,
                    channel.verified(),
                    channel.source().title(),
                    channel.source().asOf()));
        }
        for (Criterion criterion : channel.facts().criteria()) {
            Assessment a = criterion.assess(person, year);
            Provenance p = criterion instanceof Criterion.SalaryFloor s ? s.provenance(year) : criterion.provenance();
            source(sources, p.source(), p.verified());
            criteria.add(new ChannelAnswer.Criterion(
                    criterion.name(),
                    a.status().words(),
                    a.detail(),
                    p.verified(),
                    p.source().title(),
                    p.source().asOf()));
        }
        List<String> unknown = new ArrayList<>();
        boolean notMet = false;
        for (ChannelAnswer.Criterion c : criteria) {
            if (c.status().equals(Assessment.Status.NOT_MET.words())) notMet = true;
            if (c.status().equals(Assessment.Status.UNKNOWN.words())) unknown.add(c.criterion());
        }
        String verdict = notMet ? "not eligible" : unknown.isEmpty() ? "eligible" : "could be eligible";
        String verdictDetail = switch (verdict) {
            case "not eligible" ->
                "a criterion is not met: "
                        + String.join(
                                ", ",
                                criteria.stream()
                                        .filter(c -> c.status().equals(Assessment.Status.NOT_MET.words()))
                                        .map(ChannelAnswer.Criterion::criterion)
                                        .toList());
            case "eligible" -> "every criterion Orderly can check is met; the deciding authority decides";
            default -> "if these are met: " + String.join(", ", unknown);
        };
        List<ChannelAnswer.Fact> rights = new ArrayList<>();
        List<ChannelAnswer.Fact> conditions = new ArrayList<>();
        for (Condition condition : channel.facts().conditions()) {
            source(
                    sources,
                    condition.provenance().source(),
                    condition.provenance().verified());
            ChannelAnswer.Fact fact = new ChannelAnswer.Fact(
                    words(condition.kind().name()),
                    condition.statement(),
                    condition.provenance().verified(),
                    condition.provenance().source().title(),
                    condition.provenance().source().asOf());
            (condition.kind() == Condition.Kind.RIGHT ? rights : conditions).add(fact);
        }
        // Rights floors both states are bound by (ILO C97 and C143 equal treatment, where recorded) go with the
        // channel.
        for (Commitment c : owed) {
            if (c instanceof RightsFloor floor) {
                source(sources, floor.source(), true);
                rights.add(new ChannelAnswer.Fact(
                        "rights floor",
                        floor.describe() + " (" + title(rules, floor.instrumentId()) + ")",
                        true,
                        floor.source().title(),
                        floor.source().asOf()));
            }
        }
        ChannelAnswer.Quota quota = quota(channel, year, sources);
        String destinationName =
                rules.registry().party(channel.destination()).map(Party::name).orElse(channel.destination());
        return new ChannelAnswer.Channel(
                channel.id(),
                channel.title(),
                channel.destination(),
                destinationName,
                channel.instrumentId(),
                title(rules, channel.instrumentId()),
                words(channel.purpose().name()),
                verdict,
                verdictDetail,
                criteria,
                quota,
                channel.decision(),
                channel.applyAt(),
                rights,
                conditions,
                channel.source().title(),
                channel.source().reference(),
                channel.source().asOf(),
                channel.verified(),
                List.copyOf(sources.values()));
    }

    private ChannelAnswer.Quota quota(LegalChannel channel, int year, Map<String, ChannelAnswer.SourceView> sources) {
        List<Quota> quotas = channel.facts().quotas();
        if (quotas.isEmpty())
            return new ChannelAnswer.Quota(
                    null,
                    "no numerical limit recorded",
                    null,
                    null,
                    null,
                    null,
                    null,
                    channel.verified(),
                    channel.source().title(),
                    channel.source().asOf());
        Optional<Quota> inYear = channel.quota(year);
        if (inYear.isEmpty()) {
            Quota latest = quotas.stream()
                    .max(Comparator.comparingInt(q -> q.year() == null ? Integer.MAX_VALUE : q.year()))
                    .orElseThrow();
            source(sources, latest.provenance().source(), latest.provenance().verified());
            return new ChannelAnswer.Quota(
                    year,
                    "not recorded for " + year,
                    null,
                    null,
                    null,
                    words(latest.procedure().name()),
                    "latest recorded: " + latest.describe(),
                    latest.provenance().verified(),
                    latest.provenance().source().title(),
                    latest.provenance().source().asOf());
        }
        Quota q = inYear.get();
        source(sources, q.provenance().source(), q.provenance().verified());
        OptionalLong allocated = quotaUse.allocated(channel.id(), year);
        Long used = allocated.isPresent() ? allocated.getAsLong() : null;
        Long remaining = used == null ? null : Math.max(0, q.places() - used);
        String status = remaining != null && remaining == 0 ? "exhausted" : "open";
        return new ChannelAnswer.Quota(
                year,
                status,
                q.places(),
                used,
                remaining,
                words(q.procedure().name()),
                q.note(),
                q.provenance().verified(),
                q.provenance().source().title(),
                q.provenance().source().asOf());
    }

    private static void source(Map<String, ChannelAnswer.SourceView> sources, Source s, boolean verified) {
        String key = s.title() + "\u0000" + s.reference() + "\u0000" + s.asOf();
        ChannelAnswer.SourceView held = sources.get(key);
        // A source that backs any unverified fact is listed as unverified.
        if (held == null || (held.verified() && !verified))
            sources.put(key, new ChannelAnswer.SourceView(s.title(), s.reference(), s.asOf(), verified));
    }

    private static String title(Rulebook rules, String instrumentId) {
        return rules.registry().instrument(instrumentId).map(Instrument::title).orElse(instrumentId);
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
