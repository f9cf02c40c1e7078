package org.orderly.lab.model;

import java.util.List;

/**
 * Every corridor's projected stock in {@code year} with its 90 % band, from the data's last year, by the lab's dense
 * indexes ({@code origin * n + destination}; NaN where the corridor has no data to project from).
 */
public record Projection(
        int year,
        int dataYear,
        Specification specification,
        List<String> codes,
        double[] stock,
        double[] low,
        double[] high,
        double[] observed) {

    public int size() {
        return codes.size();
    }

    public double stock(int origin, int destination) {
        return stock[origin * codes.size() + destination];
    }

    public double low(int origin, int destination) {
        return low[origin * codes.size() + destination];
    }

    public double high(int origin, int destination) {
        return high[origin * codes.size() + destination];
    }

    /** The stock observed in the data's last year. */
    public double observed(int origin, int destination) {
        return observed[origin * codes.size() + destination];
    }
}
