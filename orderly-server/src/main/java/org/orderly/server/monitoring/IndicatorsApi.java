package org.orderly.server.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.server.regime.RegimeService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators and their values: public, as the regime's transparency asks. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(
        name = "Monitoring",
        description = "Indicators computed from commitments, records and public data, each value with its provenance")
public class IndicatorsApi {
    private final MonitoringService monitoring;

    public IndicatorsApi(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping
    @Operation(summary = "Every indicator Orderly computes: what it measures, its unit, its target and its sources")
    public List<Indicator> indicators() {
        return Indicators.ALL;
    }

    @GetMapping(value = "/{id}/values", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "The values of one indicator, for a party and a period if given; 'no records yet' is a value without a number")
    public List<IndicatorValue> values(
            @PathVariable String id,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Indicator indicator =
                Indicators.byId(id).orElseThrow(() -> new NoSuchElementException("no indicator '" + id + "'"));
        RegimeService.requireSane("from", from);
        RegimeService.requireSane("to", to);
        return IndicatorTables.select(monitoring.values(), indicator.id(), party, from, to);
    }

    @GetMapping(value = "/{id}/values.csv", produces = "text/csv")
    @Operation(summary = "The same values as CSV")
    public ResponseEntity<String> valuesCsv(
            @PathVariable String id,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<IndicatorValue> values = values(id, party, from, to);
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"")
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(IndicatorTables.csv(values));
    }
}
