package org.orderly.negotiation.procedure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who chairs, and how the chair rotates: the members of {@code rotation} hold it in turn for {@code termMonths} each,
 * from {@code from}. A single chair; a troika (the chair with the previous and the next, who assist); or co-chairs
 * (two consecutive members who chair together).
 */
public record Chair(Kind kind, List<String> rotation, int termMonths, LocalDate from) {
    /** How many hold the chair at once, and who may act as chair. */
    public enum Kind {
        SINGLE,
        TROIKA,
        CO_CHAIRS
    }

    public Chair {
        Objects.requireNonNull(kind, "chair kind");
        Objects.requireNonNull(from, "chair rotation start");
        rotation = List.copyOf(rotation);
        if (rotation.isEmpty()) throw new IllegalArgumentException("the chair's rotation names no member");
        if (new HashSet<>(rotation).size() != rotation.size())
            throw new IllegalArgumentException("the chair's rotation names a member twice");
        if (termMonths <= 0) throw new IllegalArgumentException("a chair's term must be at least one month");
        if (kind == Kind.TROIKA && rotation.size() < 3)
            throw new IllegalArgumentException("a troika rotates among at least three members");
        if (kind == Kind.CO_CHAIRS && rotation.size() < 2)
            throw new IllegalArgumentException("co-chairs rotate among at least two members");
    }

    private int turn(LocalDate date) {
        long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), date.withDayOfMonth(1));
        return Math.floorMod(Math.floorDiv(months, termMonths), rotation.size());
    }

    private String at(int index) {
        return rotation.get(Math.floorMod(index, rotation.size()));
    }

    /** The members who may act as chair on the date: the chair, or both co-chairs. */
    public List<String> chairsOn(LocalDate date) {
        int turn = turn(date);
        return kind == Kind.CO_CHAIRS ? List.of(at(turn), at(turn + 1)) : List.of(at(turn));
    }

    /** The troika on the date (previous, current, next chair); for other kinds, the chairs. */
    public List<String> troikaOn(LocalDate date) {
        int turn = turn(date);
        return kind == Kind.TROIKA ? List.of(at(turn - 1), at(turn), at(turn + 1)) : chairsOn(date);
    }

    /** Who chairs on the date, in words. */
    public String describe(LocalDate date) {
        int turn = turn(date);
        return switch (kind) {
            case SINGLE -> at(turn) + " chairs (rotating every " + termMonths + " months)";
            case CO_CHAIRS ->
                at(turn) + " and " + at(turn + 1) + " co-chair (rotating every " + termMonths + " months)";
            case TROIKA ->
                at(turn) + " chairs, in a troika with " + at(turn - 1) + " (previous chair) and " + at(turn + 1)
                        + " (next chair), rotating every " + termMonths + " months";
        };
    }
}
