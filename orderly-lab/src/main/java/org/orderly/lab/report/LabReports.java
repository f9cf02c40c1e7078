package org.orderly.lab.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Backtest;
import org.orderly.lab.model.MigrationModel;
import org.orderly.lab.model.Projection;
import org.orderly.lab.model.Term;
import org.orderly.lab.remittance.RemittanceCorridor;
import org.orderly.lab.remittance.RemittanceCorridors;
import org.orderly.lab.remittance.StateRemittances;
import org.orderly.lab.scenario.CorridorChange;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.PolicyEffect;
import org.orderly.lab.scenario.ScenarioResult;
import org.orderly.lab.scenario.StateEffect;
import org.orderly.regime.Commitment;

/**
 * The lab's answers as plain records, the one shape that the command line ({@code --json}), the REST API and the pages
 * all give: projections with their model, validation and assumptions, scenarios, and remittance corridors.
 */
public final class LabReports {
    private LabReports() {}

    /** A corridor's projected stock and band ({@code baseline}: the stock without the deal, in a scenario). */
    public record CorridorRow(
            String origin,
            String destination,
            double stock,
            double low,
            double high,
            Double observed,
            Double baseline) {}

    /** A destination's projected immigrant stock; the band sums the corridors' bands, so it errs wide. */
    public record DestinationRow(String destination, double stock, double low, double high, double observed) {}

    public record CoefficientRow(
            String term,
            String label,
            String definition,
            boolean policy,
            boolean estimated,
            double estimate,
            Double standardError) {}

    public record ModelReport(
            String specification,
            String description,
            String estimator,
            int fittedThrough,
            List<Integer> steps,
            int observations,
            int corridors,
            int iterations,
            List<CoefficientRow> coefficients,
            double bandLowerError,
            double bandUpperError) {}

    public record ValidationReport(String method, int corridors, List<Backtest> results) {}

    public record ScenarioReport(
            String instrument,
            String title,
            LocalDate inForce,
            List<String> commitments,
            List<CorridorChange> changes,
            List<StateEffect> states,
            List<PolicyEffect> coefficients) {}

    public record ProjectionReport(
            int year,
            int dataYear,
            List<CorridorRow> corridors,
            int corridorsProjected,
            List<DestinationRow> destinations,
            ModelReport model,
            ValidationReport validation,
            ScenarioReport scenario,
            List<String> assumptions,
            List<String> sources) {}

    public record RemittancesReport(
            int stockYear,
            Integer receivedYear,
            double targetPercent,
            String method,
            List<RemittanceCorridor> corridors,
            List<StateRemittances> states,
            List<String> sources) {}

    /** The method of the validation, in words, for every report that carries it. */
    public static final String VALIDATION_METHOD =
            "Each specification is fitted on the five-year steps ending up to a year F and predicts "
                    + "F+5 from the data of F; scored on the largest corridors by their stock in F by the weighted absolute percentage error "
                    + "Σ|predicted − observed| / Σ observed, against carry-forward (the stock stays) and trend (the last five years' change "
                    + "repeats, never below nil). Selection: F = T−10; held out: F = T−5, T the data's last year. Coverage: share of corridors "
                    + "whose observed stock is inside the 90 % band.";

    /**
     * A projection (or, with a deal, a scenario) as one report.
     *
     * @param limit the most corridors listed, largest first (0: all)
     */
    public static ProjectionReport projection(
            Lab lab,
            int year,
            DraftDeal deal,
            org.orderly.lab.model.Assumptions assumptions,
            int limit,
            boolean withValidation) {
        Projection projection;
        ScenarioReport scenario = null;
        Projection baseline = null;
        if (deal == null) {
            projection = lab.project(year, assumptions);
        } else {
            ScenarioResult result = lab.scenario(deal, year, assumptions);
            projection = result.withDeal();
            baseline = result.baseline();
            scenario = new ScenarioReport(
                    deal.instrument().id(),
                    deal.instrument().title(),
                    deal.instrument().inForce(),
                    deal.commitments().stream().map(LabReports::describe).toList(),
                    result.changes(),
                    result.states(),
                    result.coefficients());
        }
        int n = projection.size();
        List<CorridorRow> rows = new ArrayList<>();
        double[][] destinations = new double[4][n];
        for (int o = 0; o < n; o++) {
            for (int d = 0; d < n; d++) {
                double stock = projection.stock(o, d);
                if (o == d || Double.isNaN(stock)) continue;
                double observed = projection.observed(o, d);
                rows.add(new CorridorRow(
                        projection.codes().get(o),
                        projection.codes().get(d),
                        stock,
                        projection.low(o, d),
                        projection.high(o, d),
                        Double.isNaN(observed) ? null : observed,
                        baseline == null ? null : baseline.stock(o, d)));
                destinations[0][d] += stock;
                destinations[1][d] += projection.low(o, d);
                destinations[2][d] += projection.high(o, d);
                destinations[3][d] += Double.isNaN(observed) ? 0 : observed;
            }
        }
        int projected = rows.size();
        rows.sort(Comparator.comparingDouble(CorridorRow::stock)
                .reversed()
                .thenComparing(CorridorRow::origin)
                .thenComparing(CorridorRow::destination));
        if (limit > 0 && rows.size() > limit) rows = new ArrayList<>(rows.subList(0, limit));
        List<DestinationRow> byDestination = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (destinations[0][d] > 0) {
                byDestination.add(new DestinationRow(
                        projection.codes().get(d),
                        destinations[0][d],
                        destinations[1][d],
                        destinations[2][d],
                        destinations[3][d]));
            }
        }
        byDestination.sort(Comparator.comparingDouble(DestinationRow::stock).reversed());
        ValidationReport validation = withValidation
                ? new ValidationReport(
                        VALIDATION_METHOD, Lab.VALIDATION_CORRIDORS, lab.validation(Lab.VALIDATION_CORRIDORS))
                : null;
        return new ProjectionReport(
                year,
                projection.dataYear(),
                rows,
                projected,
                byDestination,
                model(lab.model()),
                validation,
                scenario,
                assumptions.statements(projection.dataYear()),
                sources(lab));
    }

    /** The fitted model: every coefficient with its clustered standard error. */
    public static ModelReport model(MigrationModel model) {
        List<CoefficientRow> rows = new ArrayList<>();
        List<Term> terms = model.specification().terms();
        for (int j = 0; j < terms.size(); j++) {
            Term term = terms.get(j);
            boolean estimated = model.estimated(term);
            rows.add(new CoefficientRow(
                    term.name(),
                    term.label(),
                    term.definition(),
                    term.policy(),
                    estimated,
                    model.fit().coefficients()[j],
                    estimated ? model.fit().standardErrors()[j] : null));
        }
        return new ModelReport(
                model.specification().name(),
                model.specification().description(),
                "Poisson pseudo-maximum likelihood (IRLS on Apache Commons Math QR); standard errors clustered by corridor",
                model.fittedThrough(),
                model.steps(),
                model.fit().observations(),
                model.fit().clusters(),
                model.fit().iterations(),
                rows,
                model.lowerError(),
                model.upperError());
    }

    /** Today's remittance corridors, largest first ({@code limit} 0: all). */
    public static RemittancesReport remittances(Lab lab, LocalDate rulesOn, int limit) {
        RemittanceCorridors corridors = lab.remittances(rulesOn);
        List<RemittanceCorridor> rows = new ArrayList<>(corridors.corridors());
        rows.sort(Comparator.comparingDouble(RemittanceCorridor::amount).reversed());
        if (limit > 0 && rows.size() > limit) rows = new ArrayList<>(rows.subList(0, limit));
        List<StateRemittances> states = new ArrayList<>(corridors.states().values());
        states.sort(Comparator.comparingDouble(StateRemittances::received).reversed());
        return new RemittancesReport(
                lab.observations().lastYear(),
                corridors.receivedYear(),
                corridors.target(),
                "Each country's personal remittances received (BX.TRF.PWKR.CD.DT, its latest year) are split across the countries where its "
                        + "emigrants live in proportion to the emigrant stocks of "
                        + lab.observations().lastYear() + " (the World Bank's "
                        + "allocation method with migrant-stock weights; its published matrix also adjusts by incomes, which these data do not "
                        + "hold). A corridor costs the average cost of sending to the origin (SI.RMT.COST.IB.ZS), else of sending from the "
                        + "destination (SI.RMT.COST.OB.ZS), each at its latest year, capped by a remittance-cost commitment in force on "
                        + rulesOn + ". Saving = amount × (cost − " + corridors.target()
                        + " %), where the cost is above the target.",
                rows,
                states,
                sources(lab));
    }

    private static List<String> sources(Lab lab) {
        List<String> sources = new ArrayList<>();
        var data = lab.observations().data();
        sources.add(data.stocks().file() + " (UN DESA International Migrant Stock, sha256 "
                + data.stocks().sha256().substring(0, 12) + "…)");
        sources.add(data.totals().file() + " (UN DESA, names to ISO codes; sha256 "
                + data.totals().sha256().substring(0, 12) + "…)");
        sources.add(data.population().file() + " (UN DESA World Population Prospects; sha256 "
                + data.population().sha256().substring(0, 12) + "…)");
        sources.add(data.refugees().file() + " (UNHCR Refugee Data Finder; sha256 "
                + data.refugees().sha256().substring(0, 12) + "…)");
        if (lab.remittances() != null) {
            sources.add(lab.remittances().received().provenance().toString());
            if (lab.remittances().costTo() != null)
                sources.add(lab.remittances().costTo().provenance().toString());
            if (lab.remittances().costFrom() != null)
                sources.add(lab.remittances().costFrom().provenance().toString());
        }
        sources.add("the registry's commitments and participations, and its visa-matrix snapshots as entry policies");
        return sources;
    }

    private static String describe(Commitment c) {
        String scope = c.scope()
                .match(
                        reciprocal -> "among all parties",
                        d -> String.join(", ", d.grantors()) + " → " + String.join(", ", d.beneficiaries()));
        return c.kind() + " (" + scope + "): " + c.describe();
    }
}
