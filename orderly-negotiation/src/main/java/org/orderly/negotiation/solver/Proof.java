package org.orderly.negotiation.solver;

/** How far the engine has proven its answer. */
public enum Proof {
    /** The solver proved that no better deal (or no deal at all) exists. */
    OPTIMAL,
    /** A time limit stopped the search; the best bound says how much better a deal could be. */
    TIME_LIMIT,
    /** The answer is proven to lie within the reported gap of the optimum (the Nash approximation for many parties). */
    WITHIN_GAP
}
