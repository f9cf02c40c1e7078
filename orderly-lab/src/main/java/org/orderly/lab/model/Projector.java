package org.orderly.lab.model;

import java.util.Arrays;

/**
 * Projects every corridor from the data's last year L in five-year steps (L+5, L+10, …) up to the year asked, each step
 * feeding the next, and interpolates geometrically between the two steps around a year off the five-year grid. Each
 * step reads the policy variables of its own year (or of the year asked, whichever is earlier) from the given policies:
 * the same model and data with other policies (a draft deal added) change the projection only through those variables.
 */
public final class Projector {
    /** Projections go at most this far past the data's last year: beyond it the bands say nothing. */
    public static final int MAX_YEARS_AHEAD = 50;

    private Projector() {}

    /**
     * Refuses a year the lab does not project to.
     *
     * @throws IllegalArgumentException naming the year and the range
     */
    public static void checkYear(int year, int dataYear) {
        if (year <= dataYear || year > dataYear + MAX_YEARS_AHEAD) {
            throw new IllegalArgumentException(
                    "year " + year + " is out of range: projections start after the last year of the migration data ("
                            + dataYear + ") and go at most " + MAX_YEARS_AHEAD + " years past it");
        }
    }

    /**
     * @throws IllegalArgumentException when the year is not after the data's last year, or more than 50 years past it
     */
    public static Projection project(
            MigrationModel model, Observations observations, Policies policies, int year, Assumptions assumptions) {
        int dataYear = observations.lastYear();
        checkYear(year, dataYear);
        int n = observations.size();
        Specification specification = model.specification();
        double[] observed = observations.stocks(dataYear);
        double[] before = observed;
        double[] twoBefore = observations.hasYear(dataYear - 5) ? observations.stocks(dataYear - 5) : null;
        double[] population = observations.population(dataYear);
        double[] refugees = latestRefugees(observations, dataYear);
        double[] previousMean = observed;
        double[] previousLow = observed;
        double[] previousHigh = observed;
        int stepYear = dataYear;
        int horizon = 0;
        PolicyMatrix policyBefore = policies.on(Policies.dateOf(dataYear));
        while (true) {
            stepYear += 5;
            horizon++;
            PolicyMatrix policy = policies.on(Policies.dateOf(Math.min(stepYear, year)));
            Step step = new Step(
                    stepYear,
                    n,
                    before,
                    specification.needsTwoLags() ? twoBefore : null,
                    population,
                    refugees,
                    policy,
                    policyBefore);
            policyBefore = policy;
            MigrationModel.Prediction prediction = model.predict(step, horizon);
            addChannels(prediction, policy, assumptions, n);
            if (stepYear >= year) {
                double w = (year - (stepYear - 5)) / 5.0;
                return new Projection(
                        year,
                        dataYear,
                        specification,
                        observations.codes(),
                        between(previousMean, prediction.mean(), w),
                        between(previousLow, prediction.low(), w),
                        between(previousHigh, prediction.high(), w),
                        observed);
            }
            twoBefore = before;
            before = prediction.mean();
            previousMean = prediction.mean();
            previousLow = prediction.low();
            previousHigh = prediction.high();
        }
    }

    /** A channel's places filled over the step are added to its corridor's expectation and band. */
    private static void addChannels(
            MigrationModel.Prediction prediction, PolicyMatrix policy, Assumptions assumptions, int n) {
        for (int cell = 0; cell < n * n; cell++) {
            double places = policy.labourPlaces[cell];
            if (places <= 0 || Double.isNaN(prediction.mean()[cell])) continue;
            double added = places * 5 * assumptions.channelFill();
            prediction.mean()[cell] += added;
            prediction.low()[cell] += added;
            prediction.high()[cell] += added;
        }
    }

    /** UNHCR's count for the data's last year, or its latest year before it, or none. */
    private static double[] latestRefugees(Observations observations, int year) {
        var years = observations.data().refugees().years().headSet(year + 1);
        return years.isEmpty() ? null : observations.refugees(years.last());
    }

    /** Geometric interpolation of 1 + stock; w = 1 gives {@code to}. */
    private static double[] between(double[] from, double[] to, double w) {
        if (w >= 1) return to.clone();
        double[] result = new double[to.length];
        Arrays.setAll(
                result,
                i -> Double.isNaN(from[i]) || Double.isNaN(to[i])
                        ? Double.NaN
                        : Math.expm1((1 - w) * Math.log1p(from[i]) + w * Math.log1p(to[i])));
        return result;
    }
}
