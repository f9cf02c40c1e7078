package org.orderly.negotiation.procedure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the members decide on a proposal, as an executable rule: given the members, their answers so far, the deadline
 * and the instant, whether the proposal is adopted, blocked or still open, and why.
 */
public sealed interface DecisionRule
        permits DecisionRule.Consensus,
                DecisionRule.Unanimity,
                DecisionRule.QualifiedMajority,
                DecisionRule.SimpleMajority {

    /** The rule in plain words. */
    String describe();

    /** The one dispatch over the family: one function per rule (a new rule fails to compile where it is not handled). */
    <R> R match(
            java.util.function.Function<Consensus, R> consensus,
            java.util.function.Function<Unanimity, R> unanimity,
            java.util.function.Function<QualifiedMajority, R> qualifiedMajority,
            java.util.function.Function<SimpleMajority, R> simpleMajority);

    /** The rule's name in JSON: CONSENSUS, UNANIMITY, QUALIFIED_MAJORITY or SIMPLE_MAJORITY. */
    String type();

    /**
     * The decision on a proposal at {@code now}. {@code deadline} is null when the procedure sets none; answers given
     * after it never reach here (the proceedings refuse them). {@code quorum} is the number of members who must answer.
     */
    Decision decide(List<String> members, Map<String, Answer> answers, Instant deadline, Instant now, int quorum);

    /** The deadline for answers to a proposal made at {@code proposedAt}, or null for none. */
    default Instant deadline(Instant proposedAt, Duration answerPeriod) {
        return answerPeriod == null ? null : proposedAt.plus(answerPeriod);
    }

    /** Consensus as a silence procedure: adopted when no member objects before the objection period ends. */
    record Consensus(Duration objectionPeriod) implements DecisionRule {
        @Override
        public <R> R match(
                java.util.function.Function<Consensus, R> consensus,
                java.util.function.Function<Unanimity, R> unanimity,
                java.util.function.Function<QualifiedMajority, R> qualifiedMajority,
                java.util.function.Function<SimpleMajority, R> simpleMajority) {
            return consensus.apply(this);
        }

        @Override
        public String type() {
            return "CONSENSUS";
        }

        public Consensus {
            Objects.requireNonNull(objectionPeriod, "objection period");
            if (objectionPeriod.isNegative() || objectionPeriod.isZero())
                throw new IllegalArgumentException("the objection period must be positive");
        }

        @Override
        public String describe() {
            return "consensus: adopted unless a party objects within " + Words.duration(objectionPeriod)
                    + " of the proposal";
        }

        @Override
        public Instant deadline(Instant proposedAt, Duration answerPeriod) {
            return proposedAt.plus(objectionPeriod);
        }

        @Override
        public Decision decide(
                List<String> members, Map<String, Answer> answers, Instant deadline, Instant now, int quorum) {
            List<String> objecting = with(members, answers, Answer.REJECT);
            if (!objecting.isEmpty())
                return Decision.blocked(String.join(", ", objecting) + " objected before the deadline");
            if (!now.isBefore(deadline)) return Decision.adopted("no party objected by " + Words.instant(deadline));
            if (with(members, answers, Answer.ACCEPT).size() == members.size()) {
                return Decision.adopted("every party accepted before the deadline");
            }
            return Decision.pending("parties may object until " + Words.instant(deadline) + "; silence is consent");
        }
    }

    /** Every member accepts or abstains, at least one accepts; one rejection blocks. */
    record Unanimity() implements DecisionRule {
        @Override
        public <R> R match(
                java.util.function.Function<Consensus, R> consensus,
                java.util.function.Function<Unanimity, R> unanimity,
                java.util.function.Function<QualifiedMajority, R> qualifiedMajority,
                java.util.function.Function<SimpleMajority, R> simpleMajority) {
            return unanimity.apply(this);
        }

        @Override
        public String type() {
            return "UNANIMITY";
        }

        @Override
        public String describe() {
            return "unanimity: every party accepts (an abstention does not block, a rejection does)";
        }

        @Override
        public Decision decide(
                List<String> members, Map<String, Answer> answers, Instant deadline, Instant now, int quorum) {
            List<String> rejecting = with(members, answers, Answer.REJECT);
            if (!rejecting.isEmpty()) return Decision.blocked(String.join(", ", rejecting) + " rejected");
            List<String> waiting =
                    members.stream().filter(m -> !answers.containsKey(m)).toList();
            if (waiting.isEmpty()) {
                return with(members, answers, Answer.ACCEPT).isEmpty()
                        ? Decision.blocked("every party abstained")
                        : Decision.adopted("every party accepted"
                                + (with(members, answers, Answer.ABSTAIN).isEmpty() ? "" : " or abstained"));
            }
            if (deadline != null && !now.isBefore(deadline)) {
                return Decision.blocked(String.join(", ", waiting) + " did not answer by " + Words.instant(deadline));
            }
            return Decision.pending("waiting for " + String.join(", ", waiting));
        }
    }

    /**
     * Adopted when the accepting members hold at least {@code weightPercent} of all weight and number at least
     * {@code membersPercent} of the members (a double majority); blocked once that can no longer be reached.
     */
    record QualifiedMajority(Map<String, Integer> weights, int weightPercent, int membersPercent)
            implements DecisionRule {
        @Override
        public <R> R match(
                java.util.function.Function<Consensus, R> consensus,
                java.util.function.Function<Unanimity, R> unanimity,
                java.util.function.Function<QualifiedMajority, R> qualifiedMajority,
                java.util.function.Function<SimpleMajority, R> simpleMajority) {
            return qualifiedMajority.apply(this);
        }

        @Override
        public String type() {
            return "QUALIFIED_MAJORITY";
        }

        public QualifiedMajority {
            weights = Map.copyOf(new TreeMap<>(weights));
            if (weights.isEmpty())
                throw new IllegalArgumentException("a qualified majority needs each member's weight");
            weights.forEach((member, weight) -> {
                if (weight == null || weight <= 0)
                    throw new IllegalArgumentException("the weight of " + member + " must be a positive whole number");
            });
            if (weightPercent <= 50 || weightPercent > 100)
                throw new IllegalArgumentException("the share of weight must be above 50 and at most 100 percent");
            if (membersPercent < 0 || membersPercent > 100)
                throw new IllegalArgumentException("the share of members must be 0 to 100 percent");
        }

        @Override
        public String describe() {
            return "qualified majority: adopted when the members accepting hold at least " + weightPercent
                    + "% of the weight ("
                    + weights.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + ")" + (membersPercent > 0 ? " and are at least " + membersPercent + "% of the members" : "");
        }

        @Override
        public Decision decide(
                List<String> members, Map<String, Answer> answers, Instant deadline, Instant now, int quorum) {
            long total = 0;
            long accepting = 0;
            long open = 0;
            int acceptingMembers = 0;
            int openMembers = 0;
            boolean closed = deadline != null && !now.isBefore(deadline);
            for (String member : members) {
                int weight = weights.getOrDefault(member, 0);
                total += weight;
                Answer answer = answers.get(member);
                if (answer == Answer.ACCEPT) {
                    accepting += weight;
                    acceptingMembers++;
                } else if (answer == null && !closed) {
                    open += weight;
                    openMembers++;
                }
            }
            String tally = "accepting: " + acceptingMembers + " of " + members.size() + " members, " + accepting
                    + " of " + total + " weight";
            if (reached(accepting, total, acceptingMembers, members.size()))
                return Decision.adopted("qualified majority reached (" + tally + ")");
            if (!reached(accepting + open, total, acceptingMembers + openMembers, members.size())) {
                return Decision.blocked("a qualified majority can no longer be reached (" + tally + ")");
            }
            return Decision.pending(
                    "no qualified majority yet (" + tally + "; " + weightPercent + "% of the weight needed)");
        }

        private boolean reached(long weight, long total, int count, int members) {
            return weight * 100 >= (long) weightPercent * total
                    && (long) count * 100 >= (long) membersPercent * members;
        }
    }

    /**
     * More acceptances than rejections among the answers (abstentions count for the quorum, not the result), with at
     * least {@code quorum} members answering.
     */
    record SimpleMajority() implements DecisionRule {
        @Override
        public <R> R match(
                java.util.function.Function<Consensus, R> consensus,
                java.util.function.Function<Unanimity, R> unanimity,
                java.util.function.Function<QualifiedMajority, R> qualifiedMajority,
                java.util.function.Function<SimpleMajority, R> simpleMajority) {
            return simpleMajority.apply(this);
        }

        @Override
        public String type() {
            return "SIMPLE_MAJORITY";
        }

        @Override
        public String describe() {
            return "simple majority: more members accept than reject, abstentions aside, with a quorum of members answering";
        }

        @Override
        public Decision decide(
                List<String> members, Map<String, Answer> answers, Instant deadline, Instant now, int quorum) {
            int yes = with(members, answers, Answer.ACCEPT).size();
            int no = with(members, answers, Answer.REJECT).size();
            int answered = (int) members.stream().filter(answers::containsKey).count();
            boolean closed = deadline != null && !now.isBefore(deadline);
            int open = closed ? 0 : members.size() - answered;
            String tally = yes + " accept, " + no + " reject, " + (answered - yes - no) + " abstain";
            if (answered >= quorum && yes > no + open) return Decision.adopted("majority reached (" + tally + ")");
            if (no >= yes + open) return Decision.blocked("no majority can be reached (" + tally + ")");
            if (open == 0) return Decision.blocked("only " + answered + " members answered; the quorum is " + quorum);
            return Decision.pending("no majority yet (" + tally + ")");
        }
    }

    private static List<String> with(List<String> members, Map<String, Answer> answers, Answer answer) {
        List<String> found = new ArrayList<>();
        for (String member : members) if (answers.get(member) == answer) found.add(member);
        return found;
    }
}
