package org.orderly.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.orderly.monitoring.remittance.WdiSeries;
import org.orderly.monitoring.visa.ImplementationGap;
import org.orderly.monitoring.visa.ImplementationGaps;
import org.orderly.monitoring.visa.VisaChange;
import org.orderly.monitoring.visa.VisaChanges;
import org.orderly.monitoring.visa.VisaOpenness;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Rulebook;
import org.orderly.regime.State;

/**
 * Computes every shipped indicator for every state from {@link MonitoringInputs}. Pure and deterministic: the same inputs
 * give the same values in the same order. A state with no data for an indicator gets an explicit "no records yet".
 */
public final class IndicatorComputation {
    private IndicatorComputation() {}

    /** Every value of every indicator, indicator by indicator, each in state then period order. */
    public static List<IndicatorValue> compute(MonitoringInputs inputs) {
        List<IndicatorValue> values = new ArrayList<>();
        List<String> states =
                inputs.registry().states().stream().map(State::id).sorted().toList();
        visa(inputs, states, values);
        remittances(Indicators.REMITTANCE_COST_TO, inputs.remittanceCostTo(), states, values);
        remittances(Indicators.REMITTANCE_COST_FROM, inputs.remittanceCostFrom(), states, values);
        for (Indicator operations : List.of(
                Indicators.READMISSION_ANSWERED_IN_TIME,
                Indicators.OVERSTAYS_PER_THOUSAND,
                Indicators.TRANSFERS_REFUSED)) {
            for (String state : states) {
                values.add(IndicatorValue.noRecordsYet(
                        operations.id(), state, "", "Orderly holds no operational records for this state"));
            }
        }
        values.addAll(org.orderly.monitoring.channel.ChannelIndicators.compute(
                inputs.registry(), inputs.quotaLedgers(), inputs.channelsOn()));
        return values;
    }

    private static void visa(MonitoringInputs inputs, List<String> states, List<IndicatorValue> values) {
        List<VisaSnapshot> snapshots = inputs.snapshots();
        if (snapshots.isEmpty()) {
            for (Indicator indicator : List.of(
                    Indicators.IMPLEMENTATION_GAPS,
                    Indicators.VISA_OPENNESS,
                    Indicators.VISA_RECIPROCITY,
                    Indicators.VISA_RESTRICTIONS_IMPOSED,
                    Indicators.VISA_RESTRICTIONS_LIFTED)) {
                for (String state : states)
                    values.add(IndicatorValue.noRecordsYet(indicator.id(), state, "", "no visa matrix imported"));
            }
            return;
        }
        List<IndicatorValue> gaps = new ArrayList<>();
        List<IndicatorValue> openness = new ArrayList<>();
        List<IndicatorValue> reciprocity = new ArrayList<>();
        List<IndicatorValue> imposed = new ArrayList<>();
        List<IndicatorValue> lifted = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            VisaSnapshot snapshot = snapshots.get(i);
            String period = snapshot.date().toString();
            Rulebook rulebook = Rulebook.compile(inputs.registry(), snapshot.date());
            Map<String, Integer> gapCount = new HashMap<>();
            for (ImplementationGap gap : ImplementationGaps.find(rulebook, snapshot))
                gapCount.merge(gap.destination(), 1, Integer::sum);
            java.util.Set<String> committed = ImplementationGaps.committed(rulebook);
            Map<String, int[]> changeCount = new HashMap<>();
            VisaSnapshot previous = i == 0 ? null : snapshots.get(i - 1);
            if (previous != null) {
                for (VisaChange change : VisaChanges.between(previous, snapshot).changes()) {
                    int[] counts = changeCount.computeIfAbsent(change.destination(), d -> new int[2]);
                    if (change.kind() == VisaChange.Kind.IMPOSED) counts[0]++;
                    if (change.kind() == VisaChange.Kind.LIFTED) counts[1]++;
                }
            }
            List<Provenance> registryAndSnapshot = List.of(
                    snapshot.provenance(),
                    Provenance.records("registry commitments and participations in force", snapshot.date()));
            for (String state : states) {
                if (!snapshot.states().contains(state)) {
                    String why = "the visa matrix of " + period + " does not list this state";
                    gaps.add(IndicatorValue.noRecordsYet(Indicators.IMPLEMENTATION_GAPS.id(), state, period, why));
                    openness.add(IndicatorValue.noRecordsYet(Indicators.VISA_OPENNESS.id(), state, period, why));
                    reciprocity.add(IndicatorValue.noRecordsYet(Indicators.VISA_RECIPROCITY.id(), state, period, why));
                    continue;
                }
                gaps.add(
                        committed.contains(state)
                                ? new IndicatorValue(
                                        Indicators.IMPLEMENTATION_GAPS.id(),
                                        state,
                                        period,
                                        (double) gapCount.getOrDefault(state, 0),
                                        0.0,
                                        "",
                                        registryAndSnapshot)
                                : IndicatorValue.noCommitment(
                                        Indicators.IMPLEMENTATION_GAPS.id(),
                                        state,
                                        period,
                                        "on " + period
                                                + " this state owes no visa waiver and no free movement that the visa matrix could contradict",
                                        registryAndSnapshot));
                VisaOpenness open = VisaOpenness.of(snapshot, state);
                openness.add(new IndicatorValue(
                        Indicators.VISA_OPENNESS.id(),
                        state,
                        period,
                        (double) open.withoutVisa(),
                        null,
                        breakdown(open),
                        List.of(snapshot.provenance())));
                reciprocity.add(
                        open.reciprocity() == null
                                ? IndicatorValue.noRecordsYet(
                                        Indicators.VISA_RECIPROCITY.id(), state, period, "no partner listed both ways")
                                : new IndicatorValue(
                                        Indicators.VISA_RECIPROCITY.id(),
                                        state,
                                        period,
                                        open.reciprocity(),
                                        null,
                                        open.reciprocal() + " of " + open.partners() + " partners",
                                        List.of(snapshot.provenance())));
                if (previous != null) {
                    int[] counts = changeCount.getOrDefault(state, new int[2]);
                    List<Provenance> both = List.of(previous.provenance(), snapshot.provenance());
                    String since = "since " + previous.date();
                    imposed.add(new IndicatorValue(
                            Indicators.VISA_RESTRICTIONS_IMPOSED.id(),
                            state,
                            period,
                            (double) counts[0],
                            null,
                            since,
                            both));
                    lifted.add(new IndicatorValue(
                            Indicators.VISA_RESTRICTIONS_LIFTED.id(),
                            state,
                            period,
                            (double) counts[1],
                            null,
                            since,
                            both));
                }
            }
        }
        if (snapshots.size() < 2) {
            for (String state : states) {
                imposed.add(IndicatorValue.noRecordsYet(
                        Indicators.VISA_RESTRICTIONS_IMPOSED.id(), state, "", "only one visa snapshot imported"));
                lifted.add(IndicatorValue.noRecordsYet(
                        Indicators.VISA_RESTRICTIONS_LIFTED.id(), state, "", "only one visa snapshot imported"));
            }
        }
        for (List<IndicatorValue> list : List.of(gaps, openness, reciprocity, imposed, lifted)) {
            List<IndicatorValue> sorted = new ArrayList<>(list);
            sorted.sort(java.util.Comparator.comparing(IndicatorValue::subject).thenComparing(IndicatorValue::period));
            values.addAll(sorted);
        }
    }

    private static String breakdown(VisaOpenness open) {
        StringBuilder text = new StringBuilder();
        open.counts().forEach((kind, count) -> {
            if (count > 0)
                text.append(text.length() == 0 ? "" : ", ")
                        .append(kind.label())
                        .append(' ')
                        .append(count);
        });
        return text.toString();
    }

    private static void remittances(
            Indicator indicator, WdiSeries series, List<String> states, List<IndicatorValue> values) {
        for (String state : states) {
            if (series == null) {
                values.add(IndicatorValue.noRecordsYet(indicator.id(), state, "", "no World Bank export imported"));
                continue;
            }
            SortedMap<Integer, Double> years = series.of(state);
            if (years.isEmpty()) {
                values.add(IndicatorValue.noRecordsYet(
                        indicator.id(),
                        state,
                        "",
                        "the World Bank publishes no value for this country in "
                                + series.provenance().reference()));
                continue;
            }
            years.forEach((year, value) -> values.add(new IndicatorValue(
                    indicator.id(),
                    state,
                    String.valueOf(year),
                    value,
                    Indicators.REMITTANCE_COST_TARGET,
                    "",
                    List.of(series.provenance()))));
        }
    }
}
