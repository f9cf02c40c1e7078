package org.orderly.server.lab;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.lab.Lab;
import org.orderly.lab.model.Assumptions;
import org.orderly.lab.report.LabReports;
import org.orderly.lab.scenario.DraftDealJson;
import org.orderly.lab.scenario.ScenarioFormatException;
import org.orderly.lab.scenario.StateEffect;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario page: every corridor projected to a year with its band, and a draft deal run against no deal with each
 * state's projected change; the model, its validation and the assumptions beside them. Public.
 */
@Controller
class LabPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The corridors the page lists and charts; the API gives them all. */
    static final int LISTED = 50;

    static final int CHARTED = 15;
    /** A draft deal to start from: Germany opens care places to Moroccans and caps the cost of sending money home. */
    static final String EXAMPLE = """
            {"instrument": {"id": "DRAFT-DEU-MAR", "title": "Draft Germany–Morocco partnership (example)", "inForce": "2026-01-01"},
             "commitments": [
               {"kind": "LABOUR_ACCESS", "grantors": ["DEU"], "beneficiaries": ["MAR"], "terms": {"sector": "care", "annual_quota": 5000}},
               {"kind": "FREE_MOVEMENT", "grantors": ["ESP"], "beneficiaries": ["MAR"], "terms": {"right_to_work": true}},
               {"kind": "REMITTANCE_COST", "grantors": ["DEU", "ESP"], "beneficiaries": ["MAR"], "terms": {"target_percent": 3}}]}
            """;

    private final LabService labs;

    LabPages(LabService labs) {
        this.labs = labs;
    }

    @GetMapping("/lab")
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "1.0") double channelFill,
            Model model,
            HttpServletResponse response) {
        return render(year, channelFill, null, model, response);
    }

    @PostMapping("/lab")
    String scenario(
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "1.0") double channelFill,
            @RequestParam(defaultValue = "") String deal,
            Model model,
            HttpServletResponse response) {
        return render(year, channelFill, deal, model, response);
    }

    private String render(Integer year, double channelFill, String deal, Model model, HttpServletResponse response) {
        model.addAttribute("deal", deal == null || deal.isBlank() ? EXAMPLE.strip() : deal);
        model.addAttribute("channelFill", channelFill);
        if (!labs.available()) {
            model.addAttribute(
                    "unavailable",
                    "The policy lab needs the UN DESA and UNHCR files in the public data folder (migration/); "
                            + "this server has none.");
            model.addAttribute("year", year);
            return "lab";
        }
        Lab lab = labs.lab();
        int chosen = year != null ? year : lab.observations().lastYear() + 15;
        model.addAttribute("year", chosen);
        model.addAttribute("dataYear", lab.observations().lastYear());
        try {
            LabYears.check(lab, chosen);
            Assumptions assumptions = new Assumptions(channelFill);
            var draft = deal == null ? null : DraftDealJson.read(deal, "the draft deal");
            LabReports.ProjectionReport report = LabReports.projection(lab, chosen, draft, assumptions, LISTED, true);
            model.addAttribute("report", report);
            int charted = Math.min(CHARTED, report.corridors().size());
            model.addAttribute("charted", charted);
            model.addAttribute(
                    "corridorChart", JSON.writeValueAsString(report.corridors().subList(0, charted)));
            if (report.scenario() != null)
                model.addAttribute(
                        "stateChart",
                        JSON.writeValueAsString(stateChart(report.scenario().states())));
        } catch (ScenarioFormatException | IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
        }
        return "lab";
    }

    /** Per state, the change in emigrants and immigrants with their bands, for the chart. */
    private static List<Map<String, Object>> stateChart(List<StateEffect> states) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StateEffect s : states) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("state", s.state());
            row.put("emigrants", s.emigrantsChange());
            row.put("emigrantsLow", s.emigrantsChangeLow());
            row.put("emigrantsHigh", s.emigrantsChangeHigh());
            row.put("immigrants", s.immigrantsChange());
            row.put("immigrantsLow", s.immigrantsChangeLow());
            row.put("immigrantsHigh", s.immigrantsChangeHigh());
            rows.add(row);
        }
        return rows;
    }
}
