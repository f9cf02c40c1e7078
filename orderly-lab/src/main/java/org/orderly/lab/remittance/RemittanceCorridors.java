package org.orderly.lab.remittance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.orderly.monitoring.Indicators;
import org.orderly.regime.Commitment;
import org.orderly.regime.RemittanceCost;
import org.orderly.regime.Rulebook;

/**
 * Bilateral remittance estimates by the World Bank's allocation method (Ratha and Shaw 2007, the Bilateral Remittance
 * Matrix): each country's remittances received are split across the countries where its emigrants live in proportion
 * to the weights w(o→d) = stock(o→d) / Σ_d stock(o→d). The World Bank's own matrix also weights by the incomes of the
 * host and the origin; Orderly has no income series in its data, so its weights are the migrant stocks alone, as in the
 * method's first variant. Each corridor is then priced at the average cost of sending to the origin
 * ({@code SI.RMT.COST.IB.ZS}), else of sending from the destination ({@code SI.RMT.COST.OB.ZS}), each at its latest
 * year, capped where a {@link RemittanceCost} commitment in force binds the destination toward the origin; fees at the
 * target (3 %, the Global Compact's objective 20 and SDG 10.c) and the saving follow.
 */
public final class RemittanceCorridors {
    private final List<RemittanceCorridor> corridors;
    private final Map<String, StateRemittances> states;
    private final double target;
    private final Integer receivedYear;

    private RemittanceCorridors(
            List<RemittanceCorridor> corridors,
            Map<String, StateRemittances> states,
            double target,
            Integer receivedYear) {
        this.corridors = List.copyOf(corridors);
        this.states = Collections.unmodifiableMap(states);
        this.target = target;
        this.receivedYear = receivedYear;
    }

    /**
     * Allocates the received remittances along the stocks given.
     *
     * @param codes     the areas, in the dense order of {@code stocks}
     * @param weights   the stocks whose shares allocate each origin's remittances (origin * n + destination; NaN = none)
     * @param scale     per corridor, the factor that carries the allocated amount to the year asked (a projected stock over
     *                  the weighting stock); null for 1 everywhere
     * @param rulebook  the rules in force on the date asked, for remittance-cost commitments; null for none
     */
    public static RemittanceCorridors allocate(
            List<String> codes, double[] weights, double[] scale, RemittanceData data, Rulebook rulebook) {
        int n = codes.size();
        double target = Indicators.REMITTANCE_COST_TARGET;
        List<RemittanceCorridor> corridors = new ArrayList<>();
        double[] received = new double[n], feesReceived = new double[n], savingReceived = new double[n];
        double[] sent = new double[n], feesSent = new double[n], savingSent = new double[n];
        Integer newestYear = null;
        for (int o = 0; o < n; o++) {
            Map.Entry<Integer, Double> total = RemittanceData.latest(data.received(), codes.get(o));
            if (total == null) continue;
            newestYear = newestYear == null ? total.getKey() : Math.max(newestYear, total.getKey());
            double sum = 0;
            for (int d = 0; d < n; d++) {
                double w = weights[o * n + d];
                if (d != o && w > 0) sum += w;
            }
            if (sum <= 0) continue;
            Map.Entry<Integer, Double> costTo = RemittanceData.latest(data.costTo(), codes.get(o));
            for (int d = 0; d < n; d++) {
                int cell = o * n + d;
                double w = weights[cell];
                if (d == o || !(w > 0)) continue;
                double amount =
                        total.getValue() * w / sum * (scale == null || Double.isNaN(scale[cell]) ? 1 : scale[cell]);
                Double cost = null;
                String basis = "no price recorded for this corridor";
                if (costTo != null) {
                    cost = costTo.getValue();
                    basis = "average cost of sending to " + codes.get(o) + " (" + costTo.getKey() + ")";
                } else {
                    Map.Entry<Integer, Double> costFrom = RemittanceData.latest(data.costFrom(), codes.get(d));
                    if (costFrom != null) {
                        cost = costFrom.getValue();
                        basis = "average cost of sending from " + codes.get(d) + " (" + costFrom.getKey() + ")";
                    }
                }
                Double cap = cap(rulebook, codes.get(d), codes.get(o));
                if (cost != null && cap != null && cap < cost) {
                    cost = cap;
                    basis = "at most " + cap + " % under a remittance-cost commitment in force";
                }
                double fees = cost == null ? 0 : amount * cost / 100;
                double atTarget = cost == null ? 0 : amount * Math.min(cost, target) / 100;
                corridors.add(new RemittanceCorridor(
                        codes.get(o), codes.get(d), amount, cost, basis, fees, atTarget, fees - atTarget));
                received[o] += amount;
                feesReceived[o] += fees;
                savingReceived[o] += fees - atTarget;
                sent[d] += amount;
                feesSent[d] += fees;
                savingSent[d] += fees - atTarget;
            }
        }
        Map<String, StateRemittances> states = new TreeMap<>();
        for (int a = 0; a < n; a++) {
            if (received[a] > 0 || sent[a] > 0) {
                states.put(
                        codes.get(a),
                        new StateRemittances(
                                codes.get(a),
                                received[a],
                                feesReceived[a],
                                savingReceived[a],
                                sent[a],
                                feesSent[a],
                                savingSent[a]));
            }
        }
        return new RemittanceCorridors(corridors, states, target, newestYear);
    }

    /** The lowest cost target that a commitment in force makes the sender owe the receiver, or null. */
    private static Double cap(Rulebook rulebook, String sender, String receiver) {
        if (rulebook == null) return null;
        Double cap = null;
        for (Commitment c : rulebook.between(sender, receiver)) {
            if (c instanceof RemittanceCost cost) {
                double percent = cost.targetPercent().doubleValue();
                cap = cap == null ? percent : Math.min(cap, percent);
            }
        }
        return cap;
    }

    public List<RemittanceCorridor> corridors() {
        return corridors;
    }

    /** Each state's totals, by code. */
    public Map<String, StateRemittances> states() {
        return states;
    }

    /** The cost target the savings are measured against, in percent. */
    public double target() {
        return target;
    }

    /** The newest year of remittances received that any origin contributes (each origin's latest year is used). */
    public Integer receivedYear() {
        return receivedYear;
    }
}
