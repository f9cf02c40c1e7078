package org.orderly.lab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderly.lab.data.MigrationData;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.model.Backtest;
import org.orderly.lab.model.LabourChannels;
import org.orderly.lab.model.MigrationModel;
import org.orderly.lab.model.Observations;
import org.orderly.lab.model.Policies;
import org.orderly.lab.model.PolicyMatrix;
import org.orderly.lab.model.Projection;
import org.orderly.lab.model.Projector;
import org.orderly.lab.model.Specification;
import org.orderly.lab.model.Term;
import org.orderly.lab.remittance.RemittanceCorridors;
import org.orderly.lab.remittance.RemittanceData;
import org.orderly.lab.remittance.StateRemittances;
import org.orderly.lab.scenario.CorridorChange;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.PolicyEffect;
import org.orderly.lab.scenario.ScenarioResult;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;

/**
 * The policy lab over one set of data and one registry: the model fitted on every step the data hold, its out-of-sample
 * validation, projections of every corridor with bands, remittance corridors and their costs, and draft deals run as
 * scenarios against the no-deal baseline. Immutable once built and safe to share between threads.
 */
public final class Lab {
    /** Validation scores the largest corridors: this many, by their stock when the prediction is made. */
    public static final int VALIDATION_CORRIDORS = 1000;

    private final Observations observations;
    private final Policies baseline;
    private final RemittanceData remittances;
    private final MigrationModel model;
    private final Map<Integer, List<Backtest>> validation = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_BASELINES = 48;
    /** No-deal projections by year, channel fill and coefficient shift: every scenario of a year compares with the same ones. */
    private final Map<String, Projection> baselines = new ConcurrentHashMap<>();

    private Lab(Observations observations, Policies baseline, RemittanceData remittances, MigrationModel model) {
        this.observations = observations;
        this.baseline = baseline;
        this.remittances = remittances;
        this.model = model;
    }

    /**
     * Fits the model on all the data.
     *
     * @param remittances the World Bank series, or null (remittance figures are then left out)
     */
    public static Lab of(
            MigrationData data,
            Registry registry,
            RemittanceData remittances,
            Specification specification,
            LabourChannels channels) {
        Observations observations = new Observations(data);
        Policies baseline = new Policies(registry, observations.codes(), channels);
        return new Lab(
                observations,
                baseline,
                remittances,
                MigrationModel.fit(observations, baseline, specification, observations.lastYear()));
    }

    /**
     * The lab on a public data folder laid out as {@code shared/data}: {@code migration/} (required), with the registry
     * and the remittance series given (null: remittance figures are left out).
     *
     * @throws org.orderly.csv.CsvException naming the migration file, line and column of the first problem
     */
    public static Lab fromFolder(
            java.nio.file.Path data, Registry registry, RemittanceData remittances, Specification specification) {
        java.nio.file.Path migration = MigrationData.folderIn(data)
                .orElseThrow(() -> new org.orderly.csv.CsvException(
                        data.resolve("migration").toString(),
                        0,
                        0,
                        null,
                        "no such folder: the lab needs the UN DESA and UNHCR files there"));
        return of(
                MigrationData.read(migration),
                registry,
                remittances,
                specification,
                LabourChannels.fromLegalChannels());
    }

    /**
     * The same fitted lab with other remittance series (null: none), as after a WDI import: the model does not use
     * them, so nothing is fitted again.
     */
    public Lab withRemittances(RemittanceData remittances) {
        return new Lab(observations, baseline, remittances, model);
    }

    public Observations observations() {
        return observations;
    }

    public MigrationModel model() {
        return model;
    }

    public Policies baseline() {
        return baseline;
    }

    public RemittanceData remittances() {
        return remittances;
    }

    /** Every corridor in {@code year} under today's registry. */
    public Projection project(int year, Assumptions assumptions) {
        return baseline(model, 0, year, assumptions);
    }

    private Projection baseline(MigrationModel shiftedModel, double shift, int year, Assumptions assumptions) {
        // Bounded: a caller may ask for any year and fill, and each kept projection holds four arrays of every
        // corridor.
        if (baselines.size() > MAX_CACHED_BASELINES) baselines.clear();
        return baselines.computeIfAbsent(
                year + "|" + assumptions.channelFill() + "|" + shift,
                key -> Projector.project(shiftedModel, observations, baseline, year, assumptions));
    }

    /**
     * The validation of every specification: selection (fit through T−10, predict T−5) and held out (fit through T−5,
     * predict T), T the data's last year, on the {@code largest} corridors.
     */
    public List<Backtest> validation(int largest) {
        return validation.computeIfAbsent(largest, n -> {
            List<Backtest> results = new ArrayList<>();
            int last = observations.lastYear();
            for (Specification specification : Specification.ALL) {
                for (int through : new int[] {last - 10, last - 5}) {
                    if (observations.hasYear(through) && observations.hasYear(through - 10)) {
                        results.add(Backtest.run(observations, baseline, specification, through, n));
                    }
                }
            }
            return List.copyOf(results);
        });
    }

    /** Remittance corridors on the data's last stocks, priced by today's rules. */
    public RemittanceCorridors remittances(LocalDate rulesOn) {
        requireRemittances();
        double[] stocks = observations.stocks(observations.lastYear());
        return RemittanceCorridors.allocate(
                observations.codes(), stocks, null, remittances, Rulebook.compile(baseline.registry(), rulesOn));
    }

    private void requireRemittances() {
        if (remittances == null) throw new IllegalStateException("no World Bank remittance data were given to the lab");
    }

    /** The policy coefficients that carry a deal into projections. */
    public List<PolicyEffect> policyEffects() {
        List<PolicyEffect> effects = new ArrayList<>();
        for (Term term : model.specification().terms()) {
            if (!term.policy()) continue;
            double b = model.coefficient(term);
            effects.add(new PolicyEffect(
                    term.name(),
                    term.label(),
                    term.definition(),
                    model.estimated(term),
                    b,
                    model.estimated(term) ? model.standardError(term) : null,
                    Math.exp(b)));
        }
        return effects;
    }

    /**
     * Runs a draft deal: today's registry with the deal added, projected to {@code year} against today's registry alone.
     * Only the policy variables the deal moves (and its channels' places) change a corridor.
     *
     * @throws IllegalArgumentException when the deal does not fit the registry or the year is not after the data
     */
    public ScenarioResult scenario(DraftDeal deal, int year, Assumptions assumptions) {
        Registry registryWithDeal = deal.addTo(baseline.registry());
        // Before its instrument is in force no party is bound by it, so nothing of the deal compiles: reuse today's
        // variables.
        Policies withDeal = deal.instrument().inForce() != null
                ? baseline.withInstrumentFrom(
                        registryWithDeal, deal.instrument().inForce())
                : baseline.with(registryWithDeal);
        Projection base = project(year, assumptions);
        // Only visa waivers, free movement and labour channels reach the policy variables; a deal without them moves no
        // one.
        boolean movesPeople = deal.commitments().stream()
                .anyMatch(c -> c.kind() == org.orderly.regime.Commitment.Kind.VISA_WAIVER
                        || c.kind() == org.orderly.regime.Commitment.Kind.FREE_MOVEMENT
                        || c.kind() == org.orderly.regime.Commitment.Kind.LEGAL_CHANNEL);
        Projection dealt = movesPeople ? Projector.project(model, observations, withDeal, year, assumptions) : base;
        double[] lowChange = new double[base.stock().length];
        double[] highChange = new double[base.stock().length];
        if (movesPeople) {
            // The change's 90 % band: the same two projections with the policy coefficients at the ends of their
            // intervals.
            MigrationModel low = model.shifted(-1.645);
            MigrationModel high = model.shifted(1.645);
            lowChange = difference(
                    Projector.project(low, observations, withDeal, year, assumptions),
                    baseline(low, -1.645, year, assumptions));
            highChange = difference(
                    Projector.project(high, observations, withDeal, year, assumptions),
                    baseline(high, 1.645, year, assumptions));
        }
        PolicyMatrix before = baseline.on(Policies.dateOf(year));
        PolicyMatrix after = withDeal.on(Policies.dateOf(year));
        List<String> codes = observations.codes();
        int n = codes.size();
        List<CorridorChange> changes = new ArrayList<>();
        double[][] persons = new double[6][n];
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                int cell = o * n + d;
                double b = base.stock()[cell];
                double a = dealt.stock()[cell];
                if (Double.isNaN(b) || Double.isNaN(a)) continue;
                if (a == b) continue;
                double[] band = {
                    Math.min(a - b, Math.min(lowChange[cell], highChange[cell])),
                    Math.max(a - b, Math.max(lowChange[cell], highChange[cell]))
                };
                changes.add(new CorridorChange(
                        codes.get(o), codes.get(d), b, a, a - b, band[0], band[1], moved(before, after, cell)));
                persons[0][o] += a - b;
                persons[1][o] += band[0];
                persons[2][o] += band[1];
                persons[3][d] += a - b;
                persons[4][d] += band[0];
                persons[5][d] += band[1];
            }
        }
        changes.sort(java.util.Comparator.comparingDouble((CorridorChange c) -> -Math.abs(c.change())));
        Map<String, StateRemittances> moneyBefore = Map.of();
        Map<String, StateRemittances> moneyAfter = Map.of();
        if (remittances != null) {
            double[] weights = observations.stocks(observations.lastYear());
            moneyBefore = RemittanceCorridors.allocate(
                            codes,
                            weights,
                            scale(base, weights),
                            remittances,
                            Rulebook.compile(baseline.registry(), Policies.dateOf(year)))
                    .states();
            moneyAfter = RemittanceCorridors.allocate(
                            codes,
                            weights,
                            scale(dealt, weights),
                            remittances,
                            Rulebook.compile(withDeal.registry(), Policies.dateOf(year)))
                    .states();
        }
        List<StateEffect> states = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            String code = codes.get(s);
            StateRemittances mb = moneyBefore.get(code);
            StateRemittances ma = moneyAfter.get(code);
            double received = mb == null ? 0 : mb.received();
            double receivedChange = (ma == null ? 0 : ma.received()) - received;
            double fees = mb == null ? 0 : mb.feesOnReceived();
            double feesChange = (ma == null ? 0 : ma.feesOnReceived()) - fees;
            double feesSent = mb == null ? 0 : mb.feesOnSent();
            double feesSentChange = (ma == null ? 0 : ma.feesOnSent()) - feesSent;
            boolean touched = persons[0][s] != 0
                    || persons[3][s] != 0
                    || Math.abs(receivedChange) > 1e-6
                    || Math.abs(feesChange) > 1e-6
                    || Math.abs(feesSentChange) > 1e-6;
            if (!touched) continue;
            states.add(new StateEffect(
                    code,
                    total(base, s, true),
                    persons[0][s],
                    persons[1][s],
                    persons[2][s],
                    total(base, s, false),
                    persons[3][s],
                    persons[4][s],
                    persons[5][s],
                    received,
                    receivedChange,
                    fees,
                    feesChange,
                    receivedChange - feesChange,
                    feesSent,
                    feesSentChange));
        }
        return new ScenarioResult(
                year,
                deal,
                base,
                dealt,
                changes,
                states,
                policyEffects(),
                assumptions.statements(observations.lastYear()));
    }

    private static double[] difference(Projection a, Projection b) {
        double[] d = new double[a.stock().length];
        for (int i = 0; i < d.length; i++) d[i] = a.stock()[i] - b.stock()[i];
        return d;
    }

    /** Projected over weighting stock, per corridor: carries the allocated remittances to the year asked. */
    private static double[] scale(Projection projection, double[] weights) {
        double[] scale = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            scale[i] = weights[i] > 0 && !Double.isNaN(projection.stock()[i])
                    ? projection.stock()[i] / weights[i]
                    : Double.NaN;
        }
        return scale;
    }

    private static double total(Projection projection, int state, boolean asOrigin) {
        int n = projection.size();
        double sum = 0;
        for (int other = 0; other < n; other++) {
            double v = asOrigin ? projection.stock(state, other) : projection.stock(other, state);
            if (other != state && !Double.isNaN(v)) sum += v;
        }
        return sum;
    }

    private static List<String> moved(PolicyMatrix before, PolicyMatrix after, int cell) {
        int n = before.size();
        int o = cell / n;
        int d = cell % n;
        List<String> moved = new ArrayList<>();
        if (before.visaRequired(o, d) != after.visaRequired(o, d))
            moved.add(after.visaRequired(o, d) ? "visa required" : "visa lifted");
        if (before.freeMovement(o, d) != after.freeMovement(o, d))
            moved.add(after.freeMovement(o, d) ? "free movement" : "free movement ended");
        if (before.freeMovementWithoutWork(o, d) != after.freeMovementWithoutWork(o, d))
            moved.add("free movement without work");
        if (before.labourPlaces(o, d) != after.labourPlaces(o, d)) {
            moved.add("legal channel: " + Math.round(after.labourPlaces(o, d) - before.labourPlaces(o, d))
                    + " places a year");
        }
        return moved;
    }
}
