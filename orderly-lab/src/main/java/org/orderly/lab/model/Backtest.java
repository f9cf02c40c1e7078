package org.orderly.lab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Out-of-sample validation: a model fitted on the steps ending up to {@code fittedThrough} predicts the stocks five years
 * later from the data of {@code fittedThrough}, on the {@code largest} corridors by their stock in {@code fittedThrough}
 * (known when the prediction is made). Each is scored by the weighted absolute percentage error, Σ|predicted − observed| /
 * Σ observed, against two baselines: carry-forward (the stock stays) and trend (the last five years' change repeats,
 * never below nil). Coverage is the share of corridors whose observed stock falls inside the model's 90 % band.
 */
public record Backtest(
        String specification,
        int fittedThrough,
        int predicted,
        int corridors,
        double model,
        double carryForward,
        double trend,
        double coverage,
        double observedGrowth,
        double modelGrowth) {

    /** Fits and scores one specification. */
    public static Backtest run(
            Observations observations, Policies policies, Specification specification, int fittedThrough, int largest) {
        int predicted = fittedThrough + 5;
        if (!observations.hasYear(predicted)) {
            throw new IllegalArgumentException(
                    "the data hold no year " + predicted + " to check a model fitted through " + fittedThrough);
        }
        MigrationModel model = MigrationModel.fit(observations, policies, specification, fittedThrough);
        Step step = observations.step(predicted, policies, specification);
        MigrationModel.Prediction prediction = model.predict(step, 1);
        double[] actual = observations.stocks(predicted);
        double[] start = observations.stocks(fittedThrough);
        double[] earlier = observations.hasYear(fittedThrough - 5) ? observations.stocks(fittedThrough - 5) : start;
        int n = observations.size();
        List<Integer> cells = new ArrayList<>();
        for (int cell = 0; cell < n * n; cell++) {
            if (!Double.isNaN(actual[cell]) && !Double.isNaN(prediction.mean()[cell])) cells.add(cell);
        }
        cells.sort(
                Comparator.comparingDouble((Integer c) -> start[c]).reversed().thenComparing(c -> c));
        List<Integer> top = cells.subList(0, Math.min(largest, cells.size()));
        double observedSum = 0, startSum = 0, modelError = 0, carryError = 0, trendError = 0, modelSum = 0;
        int inside = 0;
        for (int cell : top) {
            double a = actual[cell];
            double trend = Double.isNaN(earlier[cell]) ? start[cell] : Math.max(0, 2 * start[cell] - earlier[cell]);
            observedSum += a;
            startSum += start[cell];
            modelSum += prediction.mean()[cell];
            modelError += Math.abs(prediction.mean()[cell] - a);
            carryError += Math.abs(start[cell] - a);
            trendError += Math.abs(trend - a);
            if (a >= prediction.low()[cell] && a <= prediction.high()[cell]) inside++;
        }
        return new Backtest(
                specification.name(),
                fittedThrough,
                predicted,
                top.size(),
                modelError / observedSum,
                carryError / observedSum,
                trendError / observedSum,
                (double) inside / top.size(),
                observedSum / startSum - 1,
                modelSum / startSum - 1);
    }
}
