package org.orderly.server.lab;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.report.LabReports;
import org.orderly.lab.scenario.DraftDeal;
import org.orderly.lab.scenario.DraftDealJson;
import org.orderly.server.regime.RegimeService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy lab's projections, scenarios and remittance corridors: public, as they rest on aggregate public data. */
@RestController
@RequestMapping("/api/v1/lab")
@Tag(
        name = "Policy lab",
        description =
                "Projections of migrant stocks with bands, draft deals as scenarios, remittance corridors and their costs")
public class LabApi {
    private final LabService labs;
    private final org.orderly.server.regime.RegimeService regime;

    public LabApi(LabService labs, org.orderly.server.regime.RegimeService regime) {
        this.regime = regime;
        this.labs = labs;
    }

    @GetMapping("/projection")
    @Operation(
            summary =
                    "Every corridor's migrant stock projected to a year, with its 90 % band, the model with standard errors and its validation")
    public LabReports.ProjectionReport projection(
            @RequestParam int year,
            @RequestParam(defaultValue = "1000") int limit,
            @RequestParam(defaultValue = "1.0") double channelFill) {
        Lab lab = labs.lab();
        return LabReports.projection(
                lab, checkedYear(lab, year), null, new Assumptions(channelFill), checkedLimit(limit), true);
    }

    @PostMapping(value = "/projection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "The same with a draft deal (the registry's instrument JSON) applied: the change against no deal per corridor and per state")
    public LabReports.ProjectionReport scenario(
            @RequestParam int year,
            @RequestParam(defaultValue = "1000") int limit,
            @RequestParam(defaultValue = "1.0") double channelFill,
            @RequestBody String deal) {
        DraftDeal draft = DraftDealJson.read(deal, "request body");
        Lab lab = labs.lab();
        return LabReports.projection(
                lab, checkedYear(lab, year), draft, new Assumptions(channelFill), checkedLimit(limit), true);
    }

    @GetMapping("/remittances")
    @Operation(
            summary =
                    "Bilateral remittances by the World Bank allocation, their cost today and at the 3 % target, per corridor and per state")
    public LabReports.RemittancesReport remittances(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(defaultValue = "1000") int limit) {
        RegimeService.requireSane("on", on);
        Lab lab = labs.lab();
        if (lab.remittances() == null)
            throw new LabService.LabUnavailableException(
                    "the World Bank remittance exports are not in the public data folder");
        return LabReports.remittances(lab, on != null ? on : regime.today(), checkedLimit(limit));
    }

    static int checkedYear(Lab lab, int year) {
        return LabYears.check(lab, year);
    }

    static int checkedLimit(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit " + limit + " is negative (0 lists every corridor)");
        return limit;
    }
}
