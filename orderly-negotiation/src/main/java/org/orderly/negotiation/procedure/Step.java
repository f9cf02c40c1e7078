package org.orderly.negotiation.procedure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.orderly.negotiation.Deal;
import org.orderly.regime.Commitment;

/**
 * One recorded step of a negotiation: its number, when, which account and for which party (null for the secretariat),
 * and what was done. The proceedings are the replay of these steps; nothing else holds where a negotiation stands.
 */
public record Step(int number, Instant at, String actor, String party, Act act) {
    public Step {
        if (number < 1) throw new IllegalArgumentException("a step number starts at 1");
        Objects.requireNonNull(at, "step time");
        Objects.requireNonNull(actor, "step actor");
        Objects.requireNonNull(act, "step act");
    }

    /** The kinds of step, for the procedure's list of what is public. */
    public enum Kind {
        OPENED,
        VALUATION_ENTERED,
        REQUEST_FILED,
        OFFER_FILED,
        EXCEPTIONS_SCHEDULED,
        OFFERS_CLOSED,
        PROPOSED,
        ANSWERED,
        STATEMENT,
        PAPER_FILED,
        CONCLUDED
    }

    /** Who did it, in words: "deu-negotiator for DEU", or the account alone. */
    public String who() {
        return party == null ? actor : actor + " for " + party;
    }

    /** What was done; each case a record, so that every consumer handles every kind. */
    public sealed interface Act
            permits Opened,
                    ValuationEntered,
                    RequestFiled,
                    OfferFiled,
                    ExceptionsScheduled,
                    OffersClosed,
                    Proposed,
                    Answered,
                    Statement,
                    PaperFiled,
                    Concluded {
        Kind kind();

        /** The act in words, without any valuation's content. */
        String describe();
    }

    public record Opened(String title) implements Act {
        public Kind kind() {
            return Kind.OPENED;
        }

        public String describe() {
            return "opened the negotiation";
        }
    }

    /** A party entered or revised its valuation: who, never what. */
    public record ValuationEntered() implements Act {
        public Kind kind() {
            return Kind.VALUATION_ENTERED;
        }

        public String describe() {
            return "entered its valuation";
        }
    }

    /** A party asks another for a concession: a commitment of a kind, with the value it would like. */
    public record Request(String id, String from, String to, String title, Commitment.Kind kind, BigDecimal value) {
        public Request {
            Objects.requireNonNull(id, "request id");
            Objects.requireNonNull(from, "request from");
            Objects.requireNonNull(to, "request to");
            Objects.requireNonNull(kind, "request kind");
            if (title == null || title.isBlank()) throw new IllegalArgumentException("a request needs a title");
        }
    }

    public record RequestFiled(Request request) implements Act {
        public Kind kind() {
            return Kind.REQUEST_FILED;
        }

        public String describe() {
            return "requested of " + request.to() + ": " + request.title();
        }
    }

    /**
     * A party offers a concession: a commitment it would grant (kind, fixed attributes, the value of its varying term),
     * in answer to the requests it names (their authors are the beneficiaries of a bilateral binding).
     */
    public record Offer(
            String id,
            String grantor,
            String title,
            Commitment.Kind kind,
            Map<String, String> attributes,
            BigDecimal value,
            List<String> answering) {
        public Offer {
            Objects.requireNonNull(id, "offer id");
            Objects.requireNonNull(grantor, "offer grantor");
            Objects.requireNonNull(kind, "offer kind");
            if (title == null || title.isBlank()) throw new IllegalArgumentException("an offer needs a title");
            attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
            Objects.requireNonNull(value, "the offer's value (quota, days, year, percent; 1 for yes)");
            answering = answering == null ? List.of() : List.copyOf(answering);
        }
    }

    public record OfferFiled(Offer offer) implements Act {
        public Kind kind() {
            return Kind.OFFER_FILED;
        }

        public String describe() {
            return "offered: " + offer.title();
        }
    }

    /** One entry of a schedule of exceptions: concessions of this kind are not extended under the MFN rule. */
    public record Exemption(Commitment.Kind kind, String reason) {
        public Exemption {
            Objects.requireNonNull(kind, "exemption kind");
            if (reason == null || reason.isBlank())
                throw new IllegalArgumentException("an exception to MFN needs its reason");
        }
    }

    /** A party's schedule of exceptions to the MFN rule (it replaces the party's earlier schedule). */
    public record ExceptionsScheduled(List<Exemption> exemptions) implements Act {
        public ExceptionsScheduled {
            exemptions = List.copyOf(exemptions);
        }

        public Kind kind() {
            return Kind.EXCEPTIONS_SCHEDULED;
        }

        public String describe() {
            return exemptions.isEmpty()
                    ? "scheduled no exception to MFN"
                    : "scheduled exceptions to MFN: "
                            + String.join(
                                    "; ",
                                    exemptions.stream()
                                            .map(e -> Words.kind(e.kind()) + " (" + e.reason() + ")")
                                            .toList());
        }
    }

    public record OffersClosed() implements Act {
        public Kind kind() {
            return Kind.OFFERS_CLOSED;
        }

        public String describe() {
            return "closed requests and offers: the package is sought among the offers";
        }
    }

    /** The engine's proposal: the deal and its public summary (norm checks, proof; never a utility). */
    public record Proposed(int proposal, String objective, Deal deal, String summary) implements Act {
        public Kind kind() {
            return Kind.PROPOSED;
        }

        public String describe() {
            return "tabled proposal " + proposal + " (" + Words.objective(objective) + ")";
        }
    }

    public record Answered(int proposal, Answer answer, String reason) implements Act {
        public Kind kind() {
            return Kind.ANSWERED;
        }

        public String describe() {
            String verb = switch (answer) {
                case ACCEPT -> "accepted";
                case REJECT -> "rejected";
                case ABSTAIN -> "abstained on";
            };
            return verb + " proposal " + proposal + (reason == null || reason.isBlank() ? "" : ": " + reason);
        }
    }

    /** A statement made in the room, by a member, an observer or the secretariat. */
    public record Statement(String text) implements Act {
        public Statement {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("a statement needs its text");
        }

        public Kind kind() {
            return Kind.STATEMENT;
        }

        public String describe() {
            return "said: " + text;
        }
    }

    /** A paper filed for the record. */
    public record PaperFiled(String title, String text) implements Act {
        public PaperFiled {
            if (title == null || title.isBlank()) throw new IllegalArgumentException("a paper needs a title");
            if (text == null || text.isBlank()) throw new IllegalArgumentException("a paper needs its text");
        }

        public Kind kind() {
            return Kind.PAPER_FILED;
        }

        public String describe() {
            return "filed the paper \"" + title + "\"";
        }
    }

    /**
     * The adopted proposal concluded: the instrument it became (null for an illustration), the conflicts the coherence
     * check reported, and the secretariat's override when there were any.
     */
    public record Concluded(int proposal, String instrumentId, List<String> conflicts, String override) implements Act {
        public Concluded {
            conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        }

        public Kind kind() {
            return Kind.CONCLUDED;
        }

        public String describe() {
            return "concluded proposal " + proposal
                    + (instrumentId == null
                            ? " as an illustration (no instrument)"
                            : " into the instrument " + instrumentId)
                    + (override == null ? "" : "; overrode " + conflicts.size() + " conflict(s): " + override);
        }
    }
}
