package org.orderly.lab.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderly.regime.Registry;

/**
 * Where the model reads the policy variables of a date: a registry (today's, or today's with a draft deal added),
 * compiled once per date and kept.
 */
public final class Policies {
    private final Registry registry;
    private final List<String> codes;
    private final LabourChannels channels;
    private final Map<LocalDate, PolicyMatrix> compiled = new ConcurrentHashMap<>();
    /** Policies that hold on every date before {@link #from}, or null. */
    private final Policies before;

    private final LocalDate from;

    public Policies(Registry registry, List<String> codes, LabourChannels channels) {
        this(registry, codes, channels, null, null);
    }

    private Policies(Registry registry, List<String> codes, LabourChannels channels, Policies before, LocalDate from) {
        this.registry = registry;
        this.codes = List.copyOf(codes);
        this.channels = channels;
        this.before = before;
        this.from = from;
    }

    /** The variables in force on a date. */
    public PolicyMatrix on(LocalDate date) {
        if (before != null && date.isBefore(from)) return before.on(date);
        return compiled.computeIfAbsent(date, d -> PolicyMatrix.of(registry, codes, d, channels));
    }

    public Registry registry() {
        return registry;
    }

    public List<String> codes() {
        return codes;
    }

    public LabourChannels channels() {
        return channels;
    }

    /** The same areas and channels read from another registry (with a draft deal added). */
    public Policies with(Registry other) {
        return new Policies(other, codes, channels);
    }

    /**
     * The same areas and channels read from {@code other}, this registry with one instrument added that enters into force on
     * {@code inForce}: before that date the rulebook compiles nothing of the instrument (its commitments, pending ones
     * included, wait for it), so this registry's variables are reused there rather than compiled again.
     */
    public Policies withInstrumentFrom(Registry other, LocalDate inForce) {
        return new Policies(other, codes, channels, this, inForce);
    }

    /** The date a stock refers to: UN DESA's estimates are for 1 July of their year. */
    public static LocalDate dateOf(int year) {
        return LocalDate.of(year, 7, 1);
    }
}
