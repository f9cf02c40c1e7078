package org.orderly.border.readmission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.orderly.regime.Readmission;
import org.orderly.regime.Rulebook;

/**
 * A request from {@code requesting} to {@code requested} to readmit a person, under the {@code Readmission} commitment
 * the requested state owes on the day of the request ({@code instrumentId}, with its answer deadline) or outside any
 * agreement (both null). Answers come in order; the case is decided by an acceptance or a refusal, and a request for
 * more evidence leaves it pending. Immutable: each answer gives a new case.
 */
public record ReadmissionCase(
        String id,
        String requesting,
        String requested,
        String personReference,
        String nationality,
        LocalDate requestedOn,
        String instrumentId,
        Integer answerDeadlineDays,
        List<Answer> answers) {

    /** What the requested state answers. */
    public enum Kind {
        ACCEPT,
        REFUSE,
        ASK_FOR_EVIDENCE
    }

    /** One answer, on a date, with a reason (required for a refusal). */
    public record Answer(LocalDate on, Kind kind, String reason) {
        public Answer {
            Objects.requireNonNull(on, "an answer needs its date");
            Objects.requireNonNull(kind, "an answer needs its kind: accept, refuse or ask for evidence");
            if (kind == Kind.REFUSE && (reason == null || reason.isBlank()))
                throw new IllegalArgumentException("a refusal needs its reason");
        }
    }

    /** Where a case stands. */
    public enum Status {
        PENDING,
        EVIDENCE_REQUESTED,
        ACCEPTED,
        REFUSED
    }

    public ReadmissionCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestedOn, "a request needs its date");
        requesting = code(requesting, "requesting state");
        requested = code(requested, "requested state");
        if (requesting.equals(requested))
            throw new IllegalArgumentException("a state does not ask itself to readmit (" + requesting + ")");
        answers = List.copyOf(answers);
    }

    private static String code(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " is missing");
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Opens a case on {@code rulebook}'s date: under the readmission commitment the requested state owes the requesting
     * one then, or outside any agreement when none is in force.
     */
    public static ReadmissionCase open(
            String id,
            Rulebook rulebook,
            String requesting,
            String requested,
            String personReference,
            String nationality) {
        String from = code(requesting, "requesting state");
        String to = code(requested, "requested state");
        Optional<Readmission> commitment = rulebook.indexOf(from) < 0 || rulebook.indexOf(to) < 0
                ? Optional.empty()
                : rulebook.first(to, from, Readmission.class);
        return new ReadmissionCase(
                id,
                from,
                to,
                personReference,
                nationality,
                rulebook.date(),
                commitment.map(Readmission::instrumentId).orElse(null),
                commitment.map(Readmission::answerDeadlineDays).orElse(null),
                List.of());
    }

    public boolean outsideAnyAgreement() {
        return instrumentId == null;
    }

    /** The last day to answer under the agreement; null outside any agreement. */
    public LocalDate answerDue() {
        return answerDeadlineDays == null ? null : requestedOn.plusDays(answerDeadlineDays);
    }

    /**
     * This case with one more answer.
     *
     * @throws IllegalArgumentException when the case is already decided or the answer is dated before the request or an earlier answer
     */
    public ReadmissionCase answer(Answer answer) {
        if (status() == Status.ACCEPTED || status() == Status.REFUSED)
            throw new IllegalArgumentException(
                    "case " + id + " is already decided (" + status().name().toLowerCase(Locale.ROOT) + ")");
        LocalDate last = answers.isEmpty()
                ? requestedOn
                : answers.get(answers.size() - 1).on();
        if (answer.on().isBefore(last))
            throw new IllegalArgumentException("an answer dated " + answer.on() + " comes before " + last);
        List<Answer> next = new ArrayList<>(answers);
        next.add(answer);
        return new ReadmissionCase(
                id,
                requesting,
                requested,
                personReference,
                nationality,
                requestedOn,
                instrumentId,
                answerDeadlineDays,
                next);
    }

    public Status status() {
        if (answers.isEmpty()) return Status.PENDING;
        return switch (answers.get(answers.size() - 1).kind()) {
            case ACCEPT -> Status.ACCEPTED;
            case REFUSE -> Status.REFUSED;
            case ASK_FOR_EVIDENCE -> Status.EVIDENCE_REQUESTED;
        };
    }

    /**
     * Whether the answer deadline was breached as of {@code on}: no first answer (of any kind) by the due day, given
     * after it or still missing once it has passed. Never a breach outside any agreement.
     */
    public boolean breached(LocalDate on) {
        LocalDate due = answerDue();
        if (due == null) return false;
        if (answers.isEmpty()) return on.isAfter(due);
        return answers.get(0).on().isAfter(due);
    }
}
