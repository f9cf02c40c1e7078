package org.orderly.negotiation.procedure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a negotiation decides, as data the proceedings execute: its format (a mediated single text, or request-offer
 * rounds), who may propose, the deadline for answers, the quorum, the decision rule, the chair and its rotation, the
 * observers (who may speak and file papers but never decide) and which steps the public sees. Members are the
 * negotiation's parties; only members file requests and offers, enter valuations and answer.
 */
public record Procedure(
        String name,
        Format format,
        DecisionRule rule,
        Set<Role> mayPropose,
        Duration answerPeriod,
        int quorum,
        Chair chair,
        Set<String> observers,
        Set<Step.Kind> publicSteps) {
    /** The single text the engine proposes from private valuations, or request-offer rounds among the members' offers. */
    public enum Format {
        SINGLE_TEXT,
        REQUEST_OFFER
    }

    /** The capacities in which one acts in a negotiation. */
    public enum Role {
        SECRETARIAT,
        CHAIR,
        MEMBER,
        OBSERVER
    }

    public Procedure {
        Objects.requireNonNull(name, "procedure name");
        Objects.requireNonNull(format, "procedure format");
        Objects.requireNonNull(rule, "procedure decision rule");
        mayPropose = mayPropose == null || mayPropose.isEmpty() ? Set.of(Role.SECRETARIAT) : Set.copyOf(mayPropose);
        if (mayPropose.contains(Role.OBSERVER))
            throw new IllegalArgumentException("observers may speak and file papers, not propose");
        if (mayPropose.contains(Role.CHAIR) && chair == null)
            throw new IllegalArgumentException("the chair may propose, but the procedure names no chair");
        if (answerPeriod != null && (answerPeriod.isNegative() || answerPeriod.isZero()))
            throw new IllegalArgumentException("the answer period must be positive");
        if (quorum < 0) throw new IllegalArgumentException("the quorum cannot be negative");
        observers = observers == null ? Set.of() : Set.copyOf(observers);
        publicSteps = publicSteps == null ? Set.copyOf(EnumSet.allOf(Step.Kind.class)) : Set.copyOf(publicSteps);
    }

    /** Checks the procedure against the negotiation's members: chairs and weights are members, observers are not. */
    public void requireFits(List<String> members) {
        if (chair != null) {
            for (String c : chair.rotation())
                if (!members.contains(c))
                    throw new IllegalArgumentException("the chair's rotation names " + c + ", who is not a party");
        }
        for (String o : observers)
            if (members.contains(o))
                throw new IllegalArgumentException(o + " is a party and cannot also be an observer");
        if (rule instanceof DecisionRule.QualifiedMajority q) {
            for (String m : members)
                if (!q.weights().containsKey(m))
                    throw new IllegalArgumentException("the qualified majority gives no weight to " + m);
            for (String w : q.weights().keySet())
                if (!members.contains(w))
                    throw new IllegalArgumentException("the qualified majority weighs " + w + ", who is not a party");
        }
        if (quorum > members.size())
            throw new IllegalArgumentException(
                    "the quorum " + quorum + " is larger than the " + members.size() + " parties");
    }

    /** The same procedure with the chair's kind changed (a troika needs three members, co-chairs two). */
    public Procedure withRotation(Chair.Kind kind) {
        if (chair == null) throw new IllegalStateException("the procedure names no chair");
        return new Procedure(
                name,
                format,
                rule,
                mayPropose,
                answerPeriod,
                quorum,
                new Chair(kind, chair.rotation(), chair.termMonths(), chair.from()),
                observers,
                publicSteps);
    }

    /** The quorum for the members: all of them unless the procedure sets fewer. */
    public int quorum(List<String> members) {
        return quorum == 0 ? members.size() : quorum;
    }

    /** The chair on the date in words, or null when the procedure has none. */
    public String chairOn(LocalDate date) {
        return chair == null ? null : chair.describe(date);
    }

    /** The procedure in plain words, for the public page. */
    public String describe() {
        return (format == Format.REQUEST_OFFER
                        ? "Request-offer rounds: parties file requests and offers; the engine finds the package among the offers; a concession is "
                                + "extended to every party (most-favoured-nation) unless the grantor's schedule of exceptions lists it. "
                        : "A mediated single text: the engine proposes a package from the parties' private valuations. ")
                + "Decision by " + rule.describe() + "."
                + (answerPeriod == null || rule instanceof DecisionRule.Consensus
                        ? ""
                        : " Answers are due within " + Words.duration(answerPeriod) + ".");
    }

    /** Today's procedure of Orderly's forum: the secretariat's engine proposes, every party must accept. */
    public static Procedure mediatedSingleText() {
        return new Procedure(
                "mediated single text",
                Format.SINGLE_TEXT,
                new DecisionRule.Unanimity(),
                Set.of(Role.SECRETARIAT),
                null,
                0,
                null,
                Set.of(),
                null);
    }

    /**
     * The consensus procedure of a consultative process as modelled here: a chair rotating in a troika (co-chairs when
     * only two rotate) may table the
     * engine's text, observers speak and file papers, and a proposal is adopted unless a member objects within the
     * period. (Modelled on the practice the registry describes for consultative processes; no process's written rules
     * of procedure are quoted.)
     */
    public static Procedure consultativeConsensus(
            List<String> rotation, LocalDate from, Duration objectionPeriod, Set<String> observers) {
        return new Procedure(
                "consensus of a consultative process",
                Format.SINGLE_TEXT,
                new DecisionRule.Consensus(objectionPeriod),
                Set.of(Role.SECRETARIAT, Role.CHAIR),
                null,
                0,
                new Chair(rotation.size() >= 3 ? Chair.Kind.TROIKA : Chair.Kind.CO_CHAIRS, rotation, 6, from),
                observers,
                null);
    }

    /** A weighted vote: adopted with the given share of the weight and of the members, answers due within the period. */
    public static Procedure qualifiedMajority(
            Map<String, Integer> weights, int weightPercent, int membersPercent, Duration answerPeriod) {
        return new Procedure(
                "qualified majority",
                Format.SINGLE_TEXT,
                new DecisionRule.QualifiedMajority(weights, weightPercent, membersPercent),
                Set.of(Role.SECRETARIAT),
                answerPeriod,
                0,
                null,
                Set.of(),
                null);
    }

    /** Request-offer rounds under the most-favoured-nation rule, concluded by every party's acceptance. */
    public static Procedure requestOffer() {
        return new Procedure(
                "request-offer rounds",
                Format.REQUEST_OFFER,
                new DecisionRule.Unanimity(),
                Set.of(Role.SECRETARIAT),
                null,
                0,
                null,
                Set.of(),
                null);
    }
}
