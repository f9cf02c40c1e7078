package org.orderly.lab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bilateral migration model fitted on the five-year steps that end in a year up to {@code fittedThrough}: PPML of
 * each corridor's stock on its terms ({@link Specification}), with standard errors clustered by corridor, and the spread
 * of its in-sample errors on large corridors for the projection band.
 */
public final class MigrationModel {
    /** Corridors at least this large at t−5 give the band its spread: the band is read for large corridors. */
    static final double BAND_CORRIDOR_MINIMUM = 10_000;
    /** The band holds 90 %: the 5th and 95th percentiles of the errors, and ±1.645 standard errors of the fit. */
    static final double BAND_LOWER_QUANTILE = 0.05;

    static final double BAND_UPPER_QUANTILE = 0.95;
    static final double BAND_Z = 1.645;

    private final Specification specification;
    private final PoissonRegression.Fit fit;
    private final int fittedThrough;
    private final List<Integer> steps;
    private final double lowerError;
    private final double upperError;
    private final boolean[] estimated;

    private MigrationModel(
            Specification specification,
            PoissonRegression.Fit fit,
            int fittedThrough,
            List<Integer> steps,
            double lowerError,
            double upperError,
            boolean[] estimated) {
        this.specification = specification;
        this.fit = fit;
        this.fittedThrough = fittedThrough;
        this.steps = List.copyOf(steps);
        this.lowerError = lowerError;
        this.upperError = upperError;
        this.estimated = estimated;
    }

    /**
     * Fits on every step ending in a year up to {@code through} whose start, and the year five before it, the data hold (the
     * same steps for every specification, so that they compare on the same corridors).
     *
     * @throws IllegalArgumentException when the data hold no such step
     */
    public static MigrationModel fit(
            Observations observations, Policies policies, Specification specification, int through) {
        List<Integer> targets = new ArrayList<>();
        for (int year : observations.years()) {
            if (year <= through && observations.hasYear(year - 5) && observations.hasYear(year - 10)) targets.add(year);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(
                    "the data hold no five-year step ending by " + through + " with ten years of history before it"
                            + " (years: " + Arrays.toString(observations.years()) + ")");
        }
        int n = observations.size();
        int k = specification.terms().size();
        List<double[]> rows = new ArrayList<>();
        List<Double> outcomes = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<Double> lagged = new ArrayList<>();
        for (int year : targets) {
            Step step = observations.step(year, policies, specification);
            double[] now = observations.stocks(year);
            for (int o = 0; o < n; o++) {
                for (int d = 0; d < n; d++) {
                    int cell = o * n + d;
                    if (!step.usable(o, d) || Double.isNaN(now[cell])) continue;
                    double[] row = new double[k];
                    step.row(specification, o, d, row);
                    rows.add(row);
                    outcomes.add(now[cell]);
                    clusters.add(cell);
                    lagged.add(step.before[cell]);
                }
            }
        }
        double[][] x = rows.toArray(new double[0][]);
        double[] y = outcomes.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] estimated = varying(x, k);
        PoissonRegression.Fit fit = expand(
                PoissonRegression.fit(
                        keep(x, estimated),
                        y,
                        clusters.stream().mapToInt(Integer::intValue).toArray()),
                estimated);
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (lagged.get(i) >= BAND_CORRIDOR_MINIMUM)
                errors.add(Math.log1p(y[i]) - Math.log1p(Math.exp(fit.linear(x[i]))));
        }
        double[] sorted =
                errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new MigrationModel(
                specification,
                fit,
                through,
                targets,
                quantile(sorted, BAND_LOWER_QUANTILE),
                quantile(sorted, BAND_UPPER_QUANTILE),
                estimated);
    }

    /**
     * The terms that take more than one value in the sample; the others (a visa never lifted in the fitted years) carry no
     * information, are left out of the fit and have no effect (coefficient 0, standard error NaN), which every output says.
     */
    private static boolean[] varying(double[][] x, int k) {
        boolean[] varying = new boolean[k];
        varying[0] = true;
        for (int j = 1; j < k; j++) {
            double first = x.length == 0 ? 0 : x[0][j];
            for (double[] row : x) {
                if (row[j] != first) {
                    varying[j] = true;
                    break;
                }
            }
        }
        return varying;
    }

    private static double[][] keep(double[][] x, boolean[] columns) {
        int kept = 0;
        for (boolean c : columns) if (c) kept++;
        double[][] reduced = new double[x.length][kept];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0, r = 0; j < columns.length; j++) if (columns[j]) reduced[i][r++] = x[i][j];
        }
        return reduced;
    }

    /** The fit over every term: 0 (standard error NaN, no covariance) for the terms left out. */
    private static PoissonRegression.Fit expand(PoissonRegression.Fit fit, boolean[] estimated) {
        int k = estimated.length;
        int[] position = new int[k];
        for (int j = 0, r = 0; j < k; j++) position[j] = estimated[j] ? r++ : -1;
        double[] b = new double[k];
        double[] se = new double[k];
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            b[a] = position[a] < 0 ? 0 : fit.coefficients()[position[a]];
            se[a] = position[a] < 0 ? Double.NaN : fit.standardErrors()[position[a]];
            for (int c = 0; c < k; c++) {
                v[a][c] = position[a] < 0 || position[c] < 0 ? 0 : fit.covariance()[position[a]][position[c]];
            }
        }
        return new PoissonRegression.Fit(
                b, se, v, fit.observations(), fit.clusters(), fit.iterations(), fit.deviance());
    }

    /**
     * The same model with each estimated policy coefficient moved by {@code z} standard errors: the ends of a policy
     * effect's band (the terms moved together, ignoring their covariance, so the band errs wide).
     */
    public MigrationModel shifted(double z) {
        double[] b = fit.coefficients().clone();
        for (int j = 0; j < b.length; j++) {
            if (specification.terms().get(j).policy() && estimated[j]) b[j] += z * fit.standardErrors()[j];
        }
        return new MigrationModel(
                specification,
                new PoissonRegression.Fit(
                        b,
                        fit.standardErrors(),
                        fit.covariance(),
                        fit.observations(),
                        fit.clusters(),
                        fit.iterations(),
                        fit.deviance()),
                fittedThrough,
                steps,
                lowerError,
                upperError,
                estimated);
    }

    /** Whether a term was estimated (it varies in the fitted data); a term that was not has no effect. */
    public boolean estimated(Term term) {
        int j = specification.terms().indexOf(term);
        return j >= 0 && estimated[j];
    }

    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** One step's expectation and 90 % band for every usable corridor; NaN elsewhere. {@code horizon} counts steps from the data. */
    Prediction predict(Step step, int horizon) {
        int n = step.size;
        int k = specification.terms().size();
        double[] mean = new double[n * n];
        double[] low = new double[n * n];
        double[] high = new double[n * n];
        Arrays.fill(mean, Double.NaN);
        Arrays.fill(low, Double.NaN);
        Arrays.fill(high, Double.NaN);
        double[] row = new double[k];
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                if (!step.usable(o, d)) continue;
                int cell = o * n + d;
                step.row(specification, o, d, row);
                double eta = fit.linear(row);
                double parameter = BAND_Z * BAND_Z * fit.linearVariance(row);
                mean[cell] = Math.exp(eta);
                low[cell] = Math.max(
                        0,
                        Math.expm1(Math.log1p(mean[cell]) - Math.sqrt(horizon * lowerError * lowerError + parameter)));
                high[cell] =
                        Math.expm1(Math.log1p(mean[cell]) + Math.sqrt(horizon * upperError * upperError + parameter));
            }
        }
        return new Prediction(mean, low, high);
    }

    /** Expected stocks and their band, by cell. */
    record Prediction(double[] mean, double[] low, double[] high) {}

    public Specification specification() {
        return specification;
    }

    public PoissonRegression.Fit fit() {
        return fit;
    }

    public int fittedThrough() {
        return fittedThrough;
    }

    /** The years in which the fitted steps end. */
    public List<Integer> steps() {
        return steps;
    }

    /** The coefficient of a term, or 0 when the specification has none. */
    public double coefficient(Term term) {
        int j = specification.terms().indexOf(term);
        return j < 0 ? 0 : fit.coefficients()[j];
    }

    /** The clustered standard error of a term's coefficient, or 0 when the specification has none. */
    public double standardError(Term term) {
        int j = specification.terms().indexOf(term);
        return j < 0 ? 0 : fit.standardErrors()[j];
    }

    /** The 5th percentile of ln((1+observed)/(1+expected)) in the fit, on corridors of at least 10,000 at t−5. */
    public double lowerError() {
        return lowerError;
    }

    /** The 95th percentile of the same errors. */
    public double upperError() {
        return upperError;
    }
}
