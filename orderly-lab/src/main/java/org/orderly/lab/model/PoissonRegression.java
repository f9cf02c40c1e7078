package org.orderly.lab.model;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Poisson pseudo-maximum likelihood (PPML, Santos Silva and Tenreyro 2006): a Poisson regression with log link fitted by
 * iteratively reweighted least squares, each step a weighted least-squares problem solved by Apache Commons Math's
 * Householder QR decomposition; standard errors from the sandwich (Huber-White) estimator clustered by a group id (the
 * corridor), with the small-sample factor G/(G−1)·(N−1)/(N−K). PPML is consistent whenever the conditional mean is
 * right, whatever the variance, and keeps the zeros that a log-linear regression drops.
 */
public final class PoissonRegression {
    /** Stop when no coefficient moves by more than this between iterations. */
    static final double TOLERANCE = 1e-9;

    static final int MAX_ITERATIONS = 100;

    private PoissonRegression() {}

    /** A fitted regression: coefficients, their clustered standard errors and covariance, and how the fit went. */
    public record Fit(
            double[] coefficients,
            double[] standardErrors,
            double[][] covariance,
            int observations,
            int clusters,
            int iterations,
            double deviance) {

        /** The linear predictor x'β. */
        public double linear(double[] x) {
            double eta = 0;
            for (int j = 0; j < x.length; j++) eta += x[j] * coefficients[j];
            return eta;
        }

        /** The variance of x'β from the coefficients' covariance (the delta method's x'Vx). */
        public double linearVariance(double[] x) {
            double v = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] == 0) continue;
                for (int j = 0; j < x.length; j++) v += x[i] * covariance[i][j] * x[j];
            }
            return v;
        }
    }

    /**
     * Fits E[y | x] = exp(x'β).
     *
     * @param x       one row of regressors per observation (include a column of ones for an intercept)
     * @param y       non-negative outcomes
     * @param cluster the group of each observation, for the clustered standard errors
     * @throws IllegalArgumentException when the regressors are collinear or the fit does not converge
     */
    public static Fit fit(double[][] x, double[] y, int[] cluster) {
        int n = y.length;
        if (n == 0) throw new IllegalArgumentException("no observations to fit");
        int k = x[0].length;
        if (n <= k) throw new IllegalArgumentException(n + " observations are too few for " + k + " coefficients");
        double mean = Arrays.stream(y).average().orElse(0);
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || !Double.isFinite(y[i]))
                throw new IllegalArgumentException("outcome " + i + " is " + y[i] + ": PPML needs counts ≥ 0");
            mu[i] = (y[i] + mean) / 2;
            eta[i] = Math.log(mu[i]);
        }
        double[] beta = new double[k];
        double[][] weighted = new double[n][k];
        double[] response = new double[n];
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            for (int i = 0; i < n; i++) {
                double w = Math.sqrt(mu[i]);
                for (int j = 0; j < k; j++) weighted[i][j] = x[i][j] * w;
                response[i] = (eta[i] + (y[i] - mu[i]) / mu[i]) * w;
            }
            double[] next;
            try {
                DecompositionSolver solver =
                        new QRDecomposition(new Array2DRowRealMatrix(weighted, false), 1e-12).getSolver();
                next = solver.solve(new ArrayRealVector(response, false)).toArray();
            } catch (SingularMatrixException e) {
                throw new IllegalArgumentException(
                        "the regressors are collinear: one of them is a combination of the others in these data", e);
            }
            double change = 0;
            for (int j = 0; j < k; j++) change = Math.max(change, Math.abs(next[j] - beta[j]));
            beta = next;
            for (int i = 0; i < n; i++) {
                double e = 0;
                for (int j = 0; j < k; j++) e += x[i][j] * beta[j];
                eta[i] = Math.min(e, 700);
                mu[i] = Math.max(Math.exp(eta[i]), 1e-300);
            }
            converged = change < TOLERANCE * (1 + maxAbs(beta));
        }
        if (!converged)
            throw new IllegalArgumentException(
                    "the Poisson regression did not converge in " + MAX_ITERATIONS + " iterations");
        return sandwich(x, y, cluster, beta, mu, iteration);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) max = Math.max(max, Math.abs(v));
        return max;
    }

    /** Bread (X'WX)⁻¹ by LU from the library, meat Σ_g s_g s_g' with s_g = Σ_{i∈g} x_i (y_i − μ_i). */
    private static Fit sandwich(double[][] x, double[] y, int[] cluster, double[] beta, double[] mu, int iterations) {
        int n = y.length;
        int k = beta.length;
        double[][] information = new double[k][k];
        java.util.Map<Integer, double[]> scores = new java.util.HashMap<>();
        double deviance = 0;
        for (int i = 0; i < n; i++) {
            double[] s = scores.computeIfAbsent(cluster[i], c -> new double[k]);
            double residual = y[i] - mu[i];
            for (int a = 0; a < k; a++) {
                s[a] += x[i][a] * residual;
                double wa = mu[i] * x[i][a];
                if (wa == 0) continue;
                for (int b = a; b < k; b++) information[a][b] += wa * x[i][b];
            }
            deviance += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - residual);
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) information[a][b] = information[b][a];
        double[][] meat = new double[k][k];
        for (double[] s : scores.values()) {
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) meat[a][b] += s[a] * s[b];
        }
        RealMatrix bread;
        try {
            bread = new LUDecomposition(new Array2DRowRealMatrix(information, false))
                    .getSolver()
                    .getInverse();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException(
                    "the regressors are collinear: one of them is a combination of the others in these data", e);
        }
        int g = scores.size();
        double factor = g > 1 ? (double) g / (g - 1) * (double) (n - 1) / (n - k) : 1;
        RealMatrix covariance = bread.multiply(new Array2DRowRealMatrix(meat, false))
                .multiply(bread)
                .scalarMultiply(factor);
        double[] se = new double[k];
        for (int j = 0; j < k; j++) se[j] = Math.sqrt(Math.max(0, covariance.getEntry(j, j)));
        return new Fit(beta, se, covariance.getData(), n, g, iterations, deviance);
    }
}
