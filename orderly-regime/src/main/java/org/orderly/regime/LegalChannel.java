package org.orderly.regime;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.regime.channel.ChannelFacts;
import org.orderly.regime.channel.ChannelPurpose;
import org.orderly.regime.channel.Occupations;

/**
 * A legal way in: the destination (the one grantor) admits beneficiaries' nationals (listed states, the instrument's
 * parties, or {@link Scope#ANY any nationality} for a state's own route) for a purpose, in occupations given as ISCO-08
 * codes (empty: any), under criteria, within quotas and conditions ({@link ChannelFacts}, each fact with its source).
 * {@code decision} and {@code applyAt} say who decides and where to apply; {@code verified} whether Orderly vouches for
 * the channel's own facts (title, who decides, where to apply). {@code unequalTreatment} lists the matters in which the
 * channel's terms treat its workers less favourably than nationals (empty: none recorded), which ILO C97 and C143 forbid a
 * state bound by them.
 */
public record LegalChannel(
        String instrumentId,
        Scope scope,
        Term term,
        String id,
        String title,
        ChannelPurpose purpose,
        Set<String> occupations,
        String decision,
        String applyAt,
        boolean verified,
        ChannelFacts facts,
        Set<TreatmentMatter> unequalTreatment,
        Source source)
        implements Commitment {

    public LegalChannel {
        Checks.common(instrumentId, scope, term, source);
        Checks.text("channel id", id);
        Checks.text("channel title", title);
        Objects.requireNonNull(purpose, "channel purpose");
        Checks.text("channel decision (who decides)", decision);
        Checks.text("channel apply_at (where to apply)", applyAt);
        Objects.requireNonNull(facts, "channel facts");
        if (scope.match(
                reciprocal -> true,
                d -> d.grantors().size() != 1 || d.grantors().contains(Scope.PARTIES))) {
            throw new IllegalArgumentException("a legal channel has one destination: its one named grantor");
        }
        Set<String> codes = new TreeSet<>();
        for (String code : occupations == null ? Set.<String>of() : occupations) codes.add(Occupations.code(code));
        occupations = Set.copyOf(codes);
        unequalTreatment = unequalTreatment == null || unequalTreatment.isEmpty()
                ? Set.of()
                : Set.copyOf(java.util.EnumSet.copyOf(unequalTreatment));
    }

    /** The state that admits. */
    public String destination() {
        return directed().grantors().iterator().next();
    }

    /** The nationalities the channel admits: states, {@link Scope#PARTIES} or {@link Scope#ANY}. */
    public Set<String> eligible() {
        return directed().beneficiaries();
    }

    /** Whether the channel is open to any nationality (a state's own route). */
    public boolean anyNationality() {
        return eligible().contains(Scope.ANY);
    }

    private Scope.Directed directed() {
        return scope.match(
                reciprocal -> {
                    throw new IllegalStateException(
                            "a legal channel's scope is directed: its constructor refuses any other");
                },
                d -> d);
    }

    /** The quota for everyone that counts in {@code year}; empty when the channel records none (no cap, or not recorded for it). */
    public java.util.Optional<org.orderly.regime.channel.Quota> quota(int year) {
        return facts.quotas().stream()
                .filter(q -> q.kind() == org.orderly.regime.channel.Quota.Kind.GLOBAL && q.countsIn(year))
                .findFirst();
    }

    /** The places of {@link #quota(int)}: what the policy lab reads as the channel's annual places. */
    public java.util.OptionalInt places(int year) {
        return quota(year).map(q -> java.util.OptionalInt.of(q.places())).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public Kind kind() {
        return Kind.LEGAL_CHANNEL;
    }

    @Override
    public String describe() {
        String quota = facts.quotas().isEmpty()
                ? ""
                : "; " + facts.quotas().get(facts.quotas().size() - 1).describe();
        return "legal channel '" + title + "' ("
                + purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") into "
                + destination() + quota
                + (unequalTreatment.isEmpty()
                        ? ""
                        : "; treated less favourably than nationals in "
                                + String.join(
                                        ", ",
                                        unequalTreatment.stream()
                                                .sorted()
                                                .map(TreatmentMatter::words)
                                                .toList()));
    }
}
