package org.orderly.bench.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.model.Projection;
import org.orderly.lab.model.Registries;
import org.orderly.lab.model.Specification;
import org.orderly.lab.remittance.RemittanceData;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.ScenarioResult;
import org.orderly.monitoring.visa.VisaSnapshot;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.RemittanceCost;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import org.orderly.regime.VisaWaiver;
import org.orderly.regime.reference.ReferenceData;

/**
 * The policy lab at scale, on the shared data: fitting the model, projecting every corridor (about 53,000 ordered pairs of
 * 231 areas) for a year, one draft deal against no deal, and a negotiation's sensitivity analysis — many generated draft
 * deals run on a plain fixed thread pool, against the same deals on one thread, with the results compared (they must be
 * identical: each scenario is a pure function of the lab and its deal).
 */
public final class LabBenchmark {
    private LabBenchmark() {}

    /** The figures of one run. */
    public record Result(
            int corridors,
            double fitSeconds,
            double validationSeconds,
            double projectColdSeconds,
            double projectWarmMillis,
            double scenarioMillis,
            int scenarios,
            int threads,
            double wallSeconds,
            double scenariosPerSecond,
            double cpuMillisPerScenario,
            int baselineScenarios,
            double baselineScenariosPerSecond,
            double baselineCpuMillisPerScenario,
            double speedUp,
            boolean identical) {}

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** A scenario's fingerprint and the CPU time its thread spent on it. */
    private record Timed(double fingerprint, long cpuNanos) {
        static Timed of(Lab lab, DraftDeal deal, int year) {
            long start = CPU.getCurrentThreadCpuTime();
            double fingerprint = LabBenchmark.fingerprint(lab.scenario(deal, year, Assumptions.DEFAULT));
            return new Timed(fingerprint, CPU.getCurrentThreadCpuTime() - start);
        }
    }

    public static Result run(Path data, int scenarios, int threads, long seed, PrintStream out)
            throws InterruptedException {
        long t0 = System.nanoTime();
        List<VisaSnapshot> snapshots = VisaSnapshot.publishedIn(data, VisaSnapshot.SHARED_DATA_CURRENT_AS_OF).stream()
                .map(p -> VisaSnapshot.read(p.file(), p.date()))
                .toList();
        Registry registry = Registries.withEntryPolicies(ReferenceData.load(), snapshots);
        // No database here: the remittance exports as published.
        RemittanceData remittances =
                RemittanceData.of(series -> series.readFrom(data)).orElse(null);
        Lab lab = Lab.fromFolder(data, registry, remittances, Specification.GRAVITY);
        double fit = seconds(t0);
        out.printf(
                "lab: data read and model fitted in %.1f s (%,d observations)%n",
                fit, lab.model().fit().observations());
        long t1 = System.nanoTime();
        lab.validation(Lab.VALIDATION_CORRIDORS);
        double validation = seconds(t1);
        out.printf("lab: validation (4 more fits and predictions) in %.1f s%n", validation);
        int year = lab.observations().lastYear() + 15;
        long t2 = System.nanoTime();
        Projection projection = lab.project(year, Assumptions.DEFAULT);
        double cold = seconds(t2);
        int corridors = 0;
        for (double v : projection.stock()) if (!Double.isNaN(v)) corridors++;
        long t3 = System.nanoTime();
        org.orderly.lab.model.Projector.project(
                lab.model(), lab.observations(), lab.baseline(), year, Assumptions.DEFAULT);
        double warm = (System.nanoTime() - t3) / 1e6;
        out.printf(
                "lab: every corridor (%,d) projected to %d: %.2f s cold (three rulebooks and travel answers compiled), %.0f ms warm%n",
                corridors, year, cold, warm);
        List<DraftDeal> deals = deals(lab, scenarios, seed, year);
        long t4 = System.nanoTime();
        lab.scenario(deals.get(0), year, Assumptions.DEFAULT);
        double one = (System.nanoTime() - t4) / 1e6;
        out.printf("lab: one draft deal against no deal, every corridor: %.0f ms%n", one);

        int baselineCount = Math.min(scenarios, Math.max(20, scenarios / 10));
        long t5 = System.nanoTime();
        double[] single = new double[baselineCount];
        long singleCpu = 0;
        for (int i = 0; i < baselineCount; i++) {
            Timed timed = Timed.of(lab, deals.get(i), year);
            single[i] = timed.fingerprint();
            singleCpu += timed.cpuNanos();
        }
        double baselineSeconds = seconds(t5);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double[] parallel = new double[scenarios];
        long parallelCpu = 0;
        long t6 = System.nanoTime();
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (DraftDeal deal : deals) futures.add(pool.submit(() -> Timed.of(lab, deal, year)));
            for (int i = 0; i < scenarios; i++) {
                Timed timed = futures.get(i).get();
                parallel[i] = timed.fingerprint();
                parallelCpu += timed.cpuNanos();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a scenario failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        double wall = seconds(t6);
        boolean identical = true;
        for (int i = 0; i < baselineCount; i++)
            identical &= Double.doubleToLongBits(single[i]) == Double.doubleToLongBits(parallel[i]);
        double rate = scenarios / wall;
        double baselineRate = baselineCount / baselineSeconds;
        double cpuPer = parallelCpu / 1e6 / scenarios;
        double baselineCpuPer = singleCpu / 1e6 / baselineCount;
        out.printf(
                "lab: %,d draft deals on %d threads (plain fixed pool): %.1f s wall, %.1f scenarios/s, %.0f CPU ms each; the first %d on one "
                        + "thread: %.1f scenarios/s, %.0f CPU ms each; speed-up %.2f×; results identical: %s%n",
                scenarios,
                threads,
                wall,
                rate,
                cpuPer,
                baselineCount,
                baselineRate,
                baselineCpuPer,
                rate / baselineRate,
                identical);
        return new Result(
                corridors,
                fit,
                validation,
                cold,
                warm,
                one,
                scenarios,
                threads,
                wall,
                rate,
                cpuPer,
                baselineCount,
                baselineRate,
                baselineCpuPer,
                rate / baselineRate,
                identical);
    }

    /** Every corridor change and state effect of a scenario folded into one number, to compare two runs bit for bit. */
    static double fingerprint(ScenarioResult result) {
        double sum = 0;
        for (var c : result.changes()) sum = sum * 31 + c.change() + c.changeLow() * 3 + c.changeHigh() * 7;
        for (var s : result.states()) sum = sum * 31 + s.netRemittancesChange() + s.immigrantsChange();
        return sum;
    }

    /**
     * Draft deals of the kinds that move projections, between the largest destinations and origins of the data: labour
     * channels with quotas, free movement, visa waivers and remittance-cost targets, one to three commitments each.
     */
    static List<DraftDeal> deals(Lab lab, int count, long seed, int year) {
        List<String> codes = lab.observations().codes();
        double[] last = lab.observations().stocks(lab.observations().lastYear());
        int n = codes.size();
        double[] in = new double[n], out = new double[n];
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                double v = last[o * n + d];
                if (o != d && !Double.isNaN(v)) {
                    in[d] += v;
                    out[o] += v;
                }
            }
        }
        List<String> destinations = largest(codes, in, 40, lab);
        List<String> origins = largest(codes, out, 80, lab);
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate inForce = LocalDate.of(year - 5, 7, 2);
        Source source = new Source("benchmark draft deal", "generated", inForce);
        List<DraftDeal> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "BENCH-" + i;
            String grantor = destinations.get(random.nextInt(destinations.size()));
            String beneficiary = origins.get(random.nextInt(origins.size()));
            if (grantor.equals(beneficiary))
                beneficiary = origins.get((origins.indexOf(beneficiary) + 1) % origins.size());
            Scope scope = Scope.directed(java.util.Set.of(grantor), java.util.Set.of(beneficiary));
            List<Commitment> commitments = new ArrayList<>();
            int kinds = 1 + random.nextInt(3);
            for (int k = 0; k < kinds; k++) {
                switch (random.nextInt(4)) {
                    case 0 ->
                        commitments.add(CommitmentTerms.toCommitment(
                                Commitment.Kind.LEGAL_CHANNEL,
                                id,
                                scope,
                                Term.OPEN,
                                java.util.Map.of(
                                        "sector",
                                        "any",
                                        "annual_quota",
                                        Integer.toString(500 + random.nextInt(20_000))),
                                source));
                    case 1 -> commitments.add(new FreeMovement(id, scope, Term.OPEN, random.nextBoolean(), source));
                    case 2 ->
                        commitments.add(new VisaWaiver(id, scope, Term.OPEN, 90, 180, VisaWaiver.SHORT_STAY, source));
                    default ->
                        commitments.add(new RemittanceCost(
                                id, scope, Term.OPEN, java.math.BigDecimal.valueOf(1 + random.nextInt(4)), source));
                }
            }
            Instrument instrument = new Instrument(
                    id,
                    "Benchmark deal " + i,
                    Instrument.Kind.BILATERAL_AGREEMENT,
                    Instrument.Level.BILATERAL,
                    true,
                    inForce,
                    inForce,
                    java.util.EnumSet.noneOf(Pillar.class),
                    source);
            List<Participation> participations = List.of(
                    new Participation(grantor, id, Participation.Status.RATIFIED, inForce, null, List.of(), source),
                    new Participation(
                            beneficiary, id, Participation.Status.RATIFIED, inForce, null, List.of(), source));
            deals.add(new DraftDeal(instrument, commitments, participations));
        }
        return deals;
    }

    /** The {@code k} areas with the largest totals that the registry knows as parties. */
    private static List<String> largest(List<String> codes, double[] totals, int k, Lab lab) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++)
            if (lab.baseline().registry().party(codes.get(i)).isPresent()) order.add(i);
        order.sort((a, b) -> Double.compare(totals[b], totals[a]));
        return order.subList(0, Math.min(k, order.size())).stream()
                .map(codes::get)
                .toList();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
