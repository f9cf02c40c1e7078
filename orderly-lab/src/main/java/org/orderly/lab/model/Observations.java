package org.orderly.lab.model;

import java.util.Arrays;
import java.util.List;
import org.orderly.lab.data.MigrationData;

/**
 * The observed data as the model reads them, by the lab's dense area indexes: stocks per year, populations (World
 * Population Prospects, else the totals file), refugees and asylum seekers (UNHCR, end of year).
 */
public final class Observations {
    private final MigrationData data;
    private final List<String> codes;
    private final int[] years;

    public Observations(MigrationData data) {
        this.data = data;
        this.codes = data.stocks().codes();
        this.years = data.stocks().years();
    }

    public MigrationData data() {
        return data;
    }

    /** The coded areas, in the dense order of every array. */
    public List<String> codes() {
        return codes;
    }

    public int size() {
        return codes.size();
    }

    public int[] years() {
        return years.clone();
    }

    public boolean hasYear(int year) {
        return Arrays.binarySearch(years, year) >= 0;
    }

    public int lastYear() {
        return years[years.length - 1];
    }

    /** Stocks of a year by {@code origin * n + destination}; NaN where there is no data. */
    public double[] stocks(int year) {
        return data.stocks().year(year);
    }

    /** Population of each area in a year; NaN where neither file has it. */
    public double[] population(int year) {
        double[] population = new double[codes.size()];
        for (int a = 0; a < population.length; a++) {
            double p = data.population().persons(codes.get(a), year);
            population[a] = Double.isNaN(p) ? data.totals().population(codes.get(a), year) : p;
        }
        return population;
    }

    /** Refugees and asylum seekers per corridor at the end of a year, or null when UNHCR's file has no such year. */
    public double[] refugees(int year) {
        if (!data.refugees().years().contains(year)) return null;
        int n = codes.size();
        double[] refugees = new double[n * n];
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                if (o != d) refugees[o * n + d] = data.refugees().people(codes.get(o), codes.get(d), year);
            }
        }
        return refugees;
    }

    /** The step ending in {@code year} from observed data, with the policy variables of that year. */
    Step step(int year, Policies policies, Specification specification) {
        double[] twoBefore = specification.needsTwoLags() && hasYear(year - 10) ? stocks(year - 10) : null;
        return new Step(
                year,
                size(),
                stocks(year - 5),
                twoBefore,
                population(year - 5),
                refugees(year - 5),
                policies.on(Policies.dateOf(year)),
                policies.on(Policies.dateOf(year - 5)));
    }
}
