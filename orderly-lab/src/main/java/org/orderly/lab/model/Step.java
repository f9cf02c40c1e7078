package org.orderly.lab.model;

/**
 * What the model knows at the start of one five-year step ending in {@code year}: the corridor stocks five and ten years
 * before (observed, or projected by an earlier step), the populations and refugees five years before, and the policy
 * variables in force during the step. Builds each corridor's row of regressors.
 */
final class Step {
    final int year;
    final int size;
    final double[] before;
    final double[] twoBefore;
    final double[] population;
    final double[] refugees;
    final PolicyMatrix policy;
    final PolicyMatrix policyBefore;
    private final double[] immigrantGrowth;
    private final double[] emigrantGrowth;

    /**
     * @param before     stock at t−5 by {@code origin * n + destination} (NaN: no data)
     * @param twoBefore  stock at t−10, or null when the specification needs none
     * @param population persons by area at t−5 (NaN: unknown)
     * @param refugees   refugees and asylum seekers at t−5 by cell, or null (none recorded)
     * @param policy       the policy variables on 1 July of t
     * @param policyBefore the policy variables on 1 July of t−5, for the terms that say what changed
     */
    Step(
            int year,
            int size,
            double[] before,
            double[] twoBefore,
            double[] population,
            double[] refugees,
            PolicyMatrix policy,
            PolicyMatrix policyBefore) {
        this.year = year;
        this.size = size;
        this.before = before;
        this.twoBefore = twoBefore;
        this.population = population;
        this.refugees = refugees;
        this.policy = policy;
        this.policyBefore = policyBefore;
        this.immigrantGrowth = new double[size];
        this.emigrantGrowth = new double[size];
        if (twoBefore != null) {
            double[] in0 = new double[size], in1 = new double[size], out0 = new double[size], out1 = new double[size];
            for (int o = 0; o < size; o++) {
                for (int d = 0; d < size; d++) {
                    int cell = o * size + d;
                    if (o == d || Double.isNaN(before[cell]) || Double.isNaN(twoBefore[cell])) continue;
                    in1[d] += before[cell];
                    in0[d] += twoBefore[cell];
                    out1[o] += before[cell];
                    out0[o] += twoBefore[cell];
                }
            }
            for (int a = 0; a < size; a++) {
                immigrantGrowth[a] = Math.log1p(in1[a]) - Math.log1p(in0[a]);
                emigrantGrowth[a] = Math.log1p(out1[a]) - Math.log1p(out0[a]);
            }
        }
    }

    /** Whether the corridor can be modelled in this step: a stock at t−5 and both populations. */
    boolean usable(int origin, int destination) {
        return origin != destination
                && !Double.isNaN(before[origin * size + destination])
                && population[origin] > 0
                && population[destination] > 0;
    }

    /** The corridor's regressors, in the specification's order, into {@code row}. */
    void row(Specification specification, int origin, int destination, double[] row) {
        int cell = origin * size + destination;
        double stock = before[cell];
        for (int j = 0; j < row.length; j++) {
            Term term = specification.terms().get(j);
            row[j] = switch (term) {
                case INTERCEPT -> 1;
                case NETWORK -> Math.log1p(stock);
                case NEW_CORRIDOR -> stock == 0 ? 1 : 0;
                case ORIGIN_POPULATION -> Math.log(population[origin]);
                case DESTINATION_POPULATION -> Math.log(population[destination]);
                case REFUGEE_SHARE -> refugees == null || stock <= 0 ? 0 : Math.min(1, refugees[cell] / stock);
                case VISA_LIFTED -> policyBefore.visaRequired[cell] == 1 && policy.visaRequired[cell] == 0 ? 1 : 0;
                case VISA_IMPOSED -> policyBefore.visaRequired[cell] == 0 && policy.visaRequired[cell] == 1 ? 1 : 0;
                case FREE_MOVEMENT_OPENED ->
                    policyBefore.freeMovement[cell] == 0
                                    && policyBefore.freeMovementWithoutWork[cell] == 0
                                    && (policy.freeMovement[cell] == 1 || policy.freeMovementWithoutWork[cell] == 1)
                            ? 1
                            : 0;
                case WORK_RESTRICTIONS_LIFTED ->
                    policyBefore.freeMovementWithoutWork[cell] == 1 && policy.freeMovement[cell] == 1 ? 1 : 0;
                case FREE_MOVEMENT -> policy.freeMovement[cell];
                case FREE_MOVEMENT_WITHOUT_WORK -> policy.freeMovementWithoutWork[cell];
                case POLICY_NOT_RECORDED -> policy.notRecorded[cell];
                case MOMENTUM ->
                    twoBefore == null || Double.isNaN(twoBefore[cell])
                            ? 0
                            : Math.log1p(stock) - Math.log1p(twoBefore[cell]);
                case DESTINATION_MOMENTUM -> immigrantGrowth[destination];
                case ORIGIN_MOMENTUM -> emigrantGrowth[origin];
            };
        }
    }
}
