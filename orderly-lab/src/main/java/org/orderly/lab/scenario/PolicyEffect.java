package org.orderly.lab.scenario;

/**
 * One policy variable a deal can move, with the coefficient that carries it into projections, its standard error and the
 * factor exp(β) it multiplies a corridor's expected stock by; {@code estimated} is false when the fitted years never saw it
 * move (it then has no effect and no standard error, and the output says so).
 */
public record PolicyEffect(
        String term,
        String label,
        String definition,
        boolean estimated,
        double coefficient,
        Double standardError,
        double multiplier) {}
