package org.orderly.lab.model;

/**
 * What a projection assumes beyond the fitted model, stated with every result.
 *
 * @param channelFill the share of a legal channel's annual places that are filled and whose holders are still in the
 *                    destination at the end of the step: 1 (the default) is the upper bound, every place filled and kept.
 *                    The registry has had no labour-access commitment in the fitted years, so no coefficient can be
 *                    estimated for channels: their effect is this arithmetic, not an estimate.
 */
public record Assumptions(double channelFill) {
    public static final Assumptions DEFAULT = new Assumptions(1.0);

    public Assumptions {
        if (!(channelFill >= 0 && channelFill <= 1))
            throw new IllegalArgumentException("the channel fill share must be between 0 and 1, was " + channelFill);
    }

    /** The assumptions in words, for every output. */
    public java.util.List<String> statements(int dataYear) {
        return java.util.List.of(
                "Populations stay at their " + dataYear + " level (the last year of the data) in every projected step.",
                "Refugees and asylum seekers stay at UNHCR's last count up to " + dataYear + ".",
                "Visa requirements before the first visa snapshot are those of the nearest snapshot (the travel answer's rule), "
                        + "with the registry's dated commitments over them.",
                "A legal channel for work adds its annual places × 5 years × " + channelFill
                        + " (filled and still there) to its corridor in each step it is in force: arithmetic, not an estimate.",
                "Bands hold 90 %: the 5th–95th percentiles of the fit's errors on corridors of at least 10,000, widened by √steps, "
                        + "and ±1.645 standard errors of the coefficients.");
    }
}
