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

    public Policies(Registry registry, List<String> codes, LabourChannels channels) {
        this.registry = registry;
        this.codes = List.copyOf(codes);
        this.channels = channels;
    }

    /** The variables in force on a date. */
    public PolicyMatrix on(LocalDate date) {
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

    /** The date a stock refers to: UN DESA's estimates are for 1 July of their year. */
    public static LocalDate dateOf(int year) {
        return LocalDate.of(year, 7, 1);
    }
}
