package org.orderly.negotiation.solver;

import java.util.List;
import org.orderly.negotiation.Deal;

/**
 * How long and how wide CP-SAT may search, and which deals are excluded (those a party rejected in
 * an earlier proposal of the round). The time limit applies to each solver call.
 */
public record SolverSettings(double timeLimitSeconds, int workers, List<Deal> excluded) {
    public static final SolverSettings DEFAULT = new SolverSettings(10, 1, List.of());

    public SolverSettings {
        if (!(timeLimitSeconds > 0)) throw new IllegalArgumentException("time limit must be positive");
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    public SolverSettings withTimeLimit(double seconds) {
        return new SolverSettings(seconds, workers, excluded);
    }

    public SolverSettings withWorkers(int count) {
        return new SolverSettings(timeLimitSeconds, count, excluded);
    }

    public SolverSettings excluding(List<Deal> deals) {
        return new SolverSettings(timeLimitSeconds, workers, deals);
    }
}
