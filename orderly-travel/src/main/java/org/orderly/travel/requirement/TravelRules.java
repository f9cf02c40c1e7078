package org.orderly.travel.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderly.regime.Commitment;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Purpose;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaAuthority;
import org.orderly.regime.VisaObligation;
import org.orderly.regime.VisaWaiver;
import org.orderly.regime.reference.VisaAuthorities;
import org.orderly.travel.requirement.TravelRequirement.Basis;

/**
 * Travel requirements for every (passport, destination) pair on the rulebook's date, decided once
 * at compile time so that a lookup is an array read. Precedence, strongest first: own country;
 * free movement in force; a visa waiver in force (for the purposes it covers); the destination's
 * unilateral entry policy; otherwise no recorded rule, answered conservatively as visa required.
 */
public final class TravelRules {
    private static final List<VisaAuthority> SHIPPED_AUTHORITIES = VisaAuthorities.load();
    private static final List<VisaAuthority> SHIPPED_AIRPORT_TRANSIT = VisaAuthorities.loadAirportTransit();
    private final Rulebook rulebook;
    private final EntryPolicy[] policies;
    private final TravelRequirement[] shortStay;
    private final List<VisaAuthority> authorities;
    /** The date the short-stay table was decided for; a view {@link #on another date} decides each lookup anew. */
    private final java.time.LocalDate decidedOn;

    /** The same rules as of another date between the same changes: shares the tables, decides lookups for its date. */
    private TravelRules(TravelRules rules, java.time.LocalDate date) {
        this.rulebook = rules.rulebook.on(date);
        this.authorities = rules.authorities;
        this.policies = rules.policies;
        this.shortStay = rules.shortStay;
        this.decidedOn = rules.decidedOn;
    }

    private TravelRules(Rulebook rulebook, boolean decideTable) {
        this.rulebook = rulebook;
        this.decidedOn = decideTable ? rulebook.date() : null;
        // What follows may depend on the date only where RuleIntervals lists a change: a new dependency goes there too
        // (RuleIntervalsTest compares views with fresh compilations on every listed change).
        this.authorities = SHIPPED_AUTHORITIES;
        int n = rulebook.size();
        this.policies = new EntryPolicy[n * n];
        for (EntryPolicy policy : rulebook.registry().entryPolicies()) {
            int d = rulebook.indexOf(policy.destination());
            int p = rulebook.indexOf(policy.passport());
            if (d < 0 || p < 0) continue;
            // A COVID-19 ban is a temporary measure: never projected onto a date before the pandemic.
            if (policy.category().temporary() && rulebook.date().isBefore(TravelCategory.COVID_MEASURES_FROM)) continue;
            EntryPolicy held = policies[d * n + p];
            if (held == null || EntryPolicy.nearer(policy, held, rulebook.date())) policies[d * n + p] = policy;
        }
        this.shortStay = new TravelRequirement[decideTable ? n * n : 0];
        for (int d = 0; d < n && decideTable; d++) {
            for (int p = 0; p < n; p++) {
                shortStay[d * n + p] = decide(p, d, Purpose.TOURISM);
            }
        }
    }

    /** Visa data further than this from the date asked are used with a warning: policies change. */
    public static final int SNAPSHOT_WARNING_DAYS = 365;

    /** The warning for visa data far from the date asked, or "" when the snapshot is near enough. */
    static String staleness(EntryPolicy policy, java.time.LocalDate date) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(policy.source().asOf(), date);
        if (Math.abs(days) <= SNAPSHOT_WARNING_DAYS) return "";
        return "; warning: the nearest visa data are as of " + policy.source().asOf() + ", " + Math.abs(days) + " days "
                + (days > 0 ? "before" : "after") + " the date asked, and the policy may have changed";
    }

    /** Compiles the travel rules for the rulebook's date. */
    public static TravelRules compile(Rulebook rulebook) {
        return new TravelRules(rulebook, true);
    }

    /**
     * The travel rules for a few questions (one command's): the short-stay table is not decided up front (a second for
     * every pair of states); each lookup is decided on its own by the very decision that fills the table, as a view
     * {@link #on another date} does.
     */
    public static TravelRules forFewQuestions(Rulebook rulebook) {
        return new TravelRules(rulebook, false);
    }

    /**
     * These rules as of {@code date}, which must lie between the same changes as the compile date ({@link RuleIntervals}):
     * the same commitments, parties and visa snapshots, answered with the date's own date and staleness warning. Costs
     * no compilation; each short-stay lookup is then decided on its own (microseconds) instead of read from the table.
     */
    public TravelRules on(java.time.LocalDate date) {
        return date.equals(rulebook.date()) ? this : new TravelRules(this, date);
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    private TravelRequirement shortStay(int passport, int destination) {
        return rulebook.date().equals(decidedOn)
                ? shortStay[destination * rulebook.size() + passport]
                : decide(passport, destination, Purpose.TOURISM);
    }

    /** The requirement for a short (tourist) stay; empty when either code is not a known state. */
    public Optional<TravelRequirement> requirement(String passport, String destination) {
        int p = rulebook.indexOf(passport);
        int d = rulebook.indexOf(destination);
        return p < 0 || d < 0 ? Optional.empty() : Optional.of(shortStay(p, d));
    }

    /** The requirement for a purpose; empty when either code is not a known state. */
    public Optional<TravelRequirement> requirement(String passport, String destination, Purpose purpose) {
        if (purpose == Purpose.TOURISM) return requirement(passport, destination);
        int p = rulebook.indexOf(passport);
        int d = rulebook.indexOf(destination);
        return p < 0 || d < 0 ? Optional.empty() : Optional.of(decide(p, d, purpose));
    }

    /** The short-stay requirement by dense state indexes (see {@link Rulebook#indexOf}); the hot path. */
    public TravelRequirement requirement(int passport, int destination) {
        return shortStay(passport, destination);
    }

    /**
     * Who decides the journey and where to apply: a recorded authority of an instrument that binds
     * the destination on the date (the Schengen Visa Code for a Schengen state), otherwise the
     * destination's national authorities. Empty for a state's own nationals.
     */
    public Optional<Authority> authority(TravelRequirement requirement) {
        if (requirement.basis() == Basis.OWN_COUNTRY) return Optional.empty();
        Optional<Authority> recorded = firstRecorded(authorities, requirement);
        if (recorded.isPresent()) return recorded;
        String destination = destinationName(requirement);
        String decision;
        String applyAt;
        switch (requirement.category()) {
            case FREE_MOVEMENT -> {
                decision = "No visa: free movement under the commitment in force";
                applyAt = "No application";
            }
            case VISA_FREE -> {
                decision = "No visa: " + destination
                        + "'s border authority checks the conditions of entry under its national law";
                applyAt = "No application; entry is decided at the border";
            }
            case VISA_ON_ARRIVAL -> {
                decision = "A visa issued on arrival by " + destination + "'s border authority under its national law";
                applyAt = "At the port of entry";
            }
            case E_VISA -> {
                decision = "An electronic visa issued by " + destination + " under its national law";
                applyAt = "Online, through " + destination + "'s official e-visa service, before you travel";
            }
            case ELECTRONIC_TRAVEL_AUTHORISATION -> {
                decision = "An electronic travel authorisation issued by " + destination + " under its national law";
                applyAt = "Online, through " + destination + "'s official service, before you travel";
            }
            case COVID_ENTRY_BAN -> {
                decision = "A temporary COVID-19 entry ban of " + destination
                        + " on holders of this passport, as the visa matrix of "
                        + requirement.sources().get(0).asOf() + " records it: a measure of the pandemic, not "
                        + destination
                        + "'s ordinary entry policy";
                applyAt = "Ask the embassy or consulate of " + destination + " whether the measure still applies";
            }
            case NO_ADMISSION -> {
                decision = destination + " does not admit holders of this passport under its national entry policy";
                applyAt = "Ask the embassy or consulate of " + destination + " about exceptions";
            }
            default -> {
                decision = "A visa or permit of " + destination + " under its national law";
                applyAt = "The embassy or consulate of " + destination;
            }
        }
        return Optional.of(new Authority(decision, applyAt, null, null));
    }

    /**
     * For a transit journey, what the law of the destination requires of a traveller who changes planes at its airport
     * without crossing the border (the Visa Code's airport transit visa); empty for other purposes, where Orderly records no
     * such rule, and where the traveller needs nothing at the border anyway (own country, free movement).
     */
    public Optional<Authority> airportTransit(TravelRequirement requirement) {
        if (requirement.purpose() != Purpose.TRANSIT) return Optional.empty();
        return firstRecorded(SHIPPED_AIRPORT_TRANSIT, requirement);
    }

    /** The first rule that decides the journey, covers the traveller and belongs to an instrument binding the destination. */
    private Optional<Authority> firstRecorded(List<VisaAuthority> rules, TravelRequirement requirement) {
        for (VisaAuthority a : rules) {
            if (a.decides(requirement.purpose(), requirement.category())
                    && a.covers(requirement.passport(), requirement.destination(), requirement.date())
                    && rulebook.registry()
                            .boundParties(a.instrumentId(), requirement.date())
                            .contains(requirement.destination())) {
                String destination = destinationName(requirement);
                return Optional.of(new Authority(
                        a.decision().replace("{destination}", destination),
                        a.applyAt().replace("{destination}", destination),
                        a.instrumentId(),
                        a.source()));
            }
        }
        return Optional.empty();
    }

    private String destinationName(TravelRequirement requirement) {
        return rulebook.registry()
                .party(requirement.destination())
                .map(org.orderly.regime.Party::name)
                .orElse(requirement.destination());
    }

    private TravelRequirement decide(int p, int d, Purpose purpose) {
        String passport = rulebook.codeAt(p);
        String destination = rulebook.codeAt(d);
        EntryPolicy policy = policies[d * rulebook.size() + p];
        TravelCategory unilateral = policy == null ? null : policy.category();
        Integer unilateralStay = policy == null ? null : policy.stayDays();
        List<Source> policySources = policy == null ? List.of() : List.of(policy.source());

        if (p == d) {
            return new TravelRequirement(
                    passport,
                    destination,
                    rulebook.date(),
                    purpose,
                    TravelCategory.OWN_COUNTRY,
                    null,
                    null,
                    Basis.OWN_COUNTRY,
                    null,
                    "a state admits its own nationals",
                    null,
                    null,
                    policySources);
        }
        List<Commitment> owed = rulebook.between(d, p);
        Optional<FreeMovement> freeMovement = rulebook.freeMovement(destination, passport);
        String workLimit = null;
        if (freeMovement.isPresent()) {
            FreeMovement f = freeMovement.get();
            if (purpose != Purpose.WORK || f.rightToWork()) {
                return fromCommitment(
                        passport,
                        destination,
                        purpose,
                        TravelCategory.FREE_MOVEMENT,
                        f.stayDays(),
                        null,
                        f,
                        policy,
                        (f.rightToWork()
                                        ? "free movement of persons under "
                                        : "free movement of persons, without yet the right to work, under ")
                                + title(f));
            }
            workLimit = "free movement under " + title(f) + " does not yet include the right to work ("
                    + f.source().title() + ")";
        }
        if (purpose == Purpose.WORK || purpose == Purpose.STUDY) {
            // The channels in the order the finder names them too: one opened for this nationality before a route open
            // to all.
            for (LegalChannel l : org.orderly.regime.channel.OpenChannels.between(rulebook, d, p)) {
                if (purpose == Purpose.WORK && l.purpose().work()) {
                    return fromCommitment(
                            passport,
                            destination,
                            purpose,
                            TravelCategory.VISA_REQUIRED,
                            null,
                            null,
                            l,
                            policy,
                            "a work visa is needed; " + title(l) + " opens a legal channel: " + l.describe()
                                    + " (the channel finder says whether you could use it)");
                }
            }
            if (workLimit != null) {
                return fromCommitment(
                        passport,
                        destination,
                        purpose,
                        TravelCategory.VISA_REQUIRED,
                        null,
                        null,
                        freeMovement.get(),
                        policy,
                        workLimit + "; a work permit under national law is needed");
            }
            return new TravelRequirement(
                    passport,
                    destination,
                    rulebook.date(),
                    purpose,
                    TravelCategory.VISA_REQUIRED,
                    null,
                    null,
                    Basis.NO_RULE,
                    null,
                    "no commitment in force covers " + purpose.name().toLowerCase()
                            + "; a long-stay visa or permit under national law is needed",
                    unilateral,
                    unilateralStay,
                    policySources);
        }
        for (Commitment c : owed) {
            // A common visa list that binds the destination decides by law, before any waiver of the destination's own
            // (a
            // bilateral waiver against it is a conflict the coherence checker reports); the visa matrix only
            // corroborates it.
            if (c instanceof VisaObligation o && o.purposes().contains(purpose)) {
                return fromCommitment(
                        passport,
                        destination,
                        purpose,
                        TravelCategory.VISA_REQUIRED,
                        null,
                        null,
                        c,
                        policy,
                        "a visa is required: " + c.source().title()
                                + " lists this nationality among those whose nationals must hold a visa"
                                + corroboration(policy) + overridden(owed, purpose));
            }
        }
        for (Commitment c : owed) {
            if (c instanceof VisaWaiver v && v.purposes().contains(purpose)) {
                return fromCommitment(
                        passport,
                        destination,
                        purpose,
                        TravelCategory.VISA_FREE,
                        v.stayDays(),
                        v.windowDays(),
                        c,
                        policy,
                        v.describe() + " under " + title(c));
            }
        }
        String pendingNote = pendingNote(destination, passport);
        if (policy != null) {
            String rests = policy.category().temporary()
                    ? "a temporary COVID-19 entry ban recorded in the visa matrix of "
                            + policy.source().asOf()
                            + ", not the destination's ordinary entry policy; it may have been lifted since"
                    : "the destination's own entry policy";
            return new TravelRequirement(
                    passport,
                    destination,
                    rulebook.date(),
                    purpose,
                    policy.category(),
                    policy.stayDays(),
                    null,
                    Basis.UNILATERAL_POLICY,
                    null,
                    rests + "; no commitment in force between the two states covers this journey" + pendingNote
                            + staleness(policy, rulebook.date()),
                    null,
                    null,
                    policySources);
        }
        return new TravelRequirement(
                passport,
                destination,
                rulebook.date(),
                purpose,
                TravelCategory.VISA_REQUIRED,
                null,
                null,
                Basis.NO_RULE,
                null,
                "no commitment and no entry policy recorded; assume a visa is required and ask the destination"
                        + pendingNote,
                null,
                null,
                List.of());
    }

    private TravelRequirement fromCommitment(
            String passport,
            String destination,
            Purpose purpose,
            TravelCategory category,
            Integer stayDays,
            Integer windowDays,
            Commitment commitment,
            EntryPolicy policy,
            String explanation) {
        List<Source> sources = new ArrayList<>(3);
        sources.add(commitment.source());
        rulebook.registry()
                .instrument(commitment.instrumentId())
                .map(Instrument::source)
                .filter(s -> !s.equals(commitment.source()))
                .ifPresent(sources::add);
        if (policy != null) sources.add(policy.source());
        String text = explanation;
        // What the commitment's term says Orderly does not model (a partial suspension, a limit of the time) goes with
        // every answer.
        if (commitment.term().condition() != null && !commitment.term().pending())
            text += "; " + commitment.term().condition();
        if (policy != null && TravelRequirement.changes(category, stayDays, policy.category(), policy.stayDays())) {
            text += "; it takes precedence over the destination's unilateral policy ("
                    + policy.category().label() + (policy.stayDays() == null ? "" : ", " + policy.stayDays() + " days")
                    + ")";
        }
        return new TravelRequirement(
                passport,
                destination,
                rulebook.date(),
                purpose,
                category,
                stayDays,
                windowDays,
                Basis.COMMITMENT,
                commitment.instrumentId(),
                text,
                policy == null ? null : policy.category(),
                policy == null ? null : policy.stayDays(),
                List.copyOf(sources));
    }

    /** Names a waiver the list overrides: a bound state's own waiver cannot exempt those the common list requires a visa of. */
    private String overridden(List<Commitment> owed, Purpose purpose) {
        for (Commitment c : owed) {
            if (c instanceof VisaWaiver v && v.purposes().contains(purpose)) {
                return "; " + title(c)
                        + " waives it, but a state bound by a common visa list may not (a conflict on the coherence page)";
            }
        }
        return "";
    }

    /** What the visa matrix says beside a rule of law: it agrees, or it records another category (the law decides). */
    private static String corroboration(EntryPolicy policy) {
        if (policy == null) return "";
        return policy.category() == TravelCategory.VISA_REQUIRED
                ? "; the visa matrix of " + policy.source().asOf() + " agrees"
                : "; the visa matrix of " + policy.source().asOf() + " records "
                        + policy.category().label() + ", but the law decides";
    }

    /** Says why a waiver written in an instrument does not apply yet (e.g. Nauru in Annex II of Regulation (EU) 2018/1806). */
    private String pendingNote(String destination, String passport) {
        for (Commitment c : rulebook.pendingBetween(destination, passport)) {
            if (c instanceof VisaWaiver) {
                return "; " + title(c)
                        + " lists this nationality for a visa waiver that does not apply yet: it applies "
                        + c.term().condition();
            }
        }
        return "";
    }

    private String title(Commitment c) {
        return rulebook.registry()
                .instrument(c.instrumentId())
                .map(Instrument::title)
                .orElse(c.instrumentId());
    }
}
