package org.orderly.server.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.Indicators;
import org.orderly.monitoring.ReportedValue;
import org.orderly.regime.Source;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Values a party reports for itself, beside the values Orderly computes: submitted by the party's principals, read by anyone. */
@RestController
@RequestMapping("/api/v1/indicators/{id}/reported-values")
@Tag(name = "Monitoring")
public class ReportedValuesApi {
    private final ReportedValues reported;
    private final Clock clock;

    public ReportedValuesApi(ReportedValues reported, Clock clock) {
        this.clock = clock;
        this.reported = reported;
    }

    /** A submission: the party is the principal's own; {@code source} is {title, reference, asOf}. */
    public record Submission(String party, Double value, String period, SourceFields source) {}

    /** Where the reported value comes from. */
    public record SourceFields(String title, String reference, LocalDate asOf) {}

    @PostMapping
    @Operation(
            summary =
                    "Report a value of an indicator for the principal's own party, with its source; shown beside the computed value")
    public ResponseEntity<ReportedValues.Compared> submit(
            @PathVariable String id, @RequestBody Submission submission, Authentication principal) {
        Indicator indicator =
                Indicators.byId(id).orElseThrow(() -> new NoSuchElementException("no indicator '" + id + "'"));
        String party = Roles.party(principal);
        if (party == null) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "account '" + principal.getName() + "' acts for no party, so it reports no values");
        }
        if (submission == null)
            throw new IllegalArgumentException(
                    "the body is missing: {value, period, source: {title, reference, asOf}}");
        if (submission.party() != null
                && !submission.party().isBlank()
                && !submission.party().strip().toUpperCase(Locale.ROOT).equals(party)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "party: account '" + principal.getName() + "' acts for " + party + ", not for "
                            + submission.party().strip() + "; a party reports only its own values");
        }
        if (submission.value() == null)
            throw new IllegalArgumentException(
                    "value: missing (a number in the indicator's unit, " + indicator.unit() + ")");
        SourceFields source = submission.source();
        if (source == null) throw new IllegalArgumentException("source: missing ({title, reference, asOf})");
        if (source.title() == null || source.title().isBlank())
            throw new IllegalArgumentException("source.title: missing");
        if (source.asOf() == null)
            throw new IllegalArgumentException(
                    "source.asOf: missing (the date the source describes, such as 2025-03-31)");
        RegimeService.requireSane("source.asOf", source.asOf());
        ReportedValue value = new ReportedValue(
                indicator.id(),
                party,
                submission.period(),
                submission.value(),
                new Source(
                        source.title().strip(),
                        source.reference() == null ? "" : source.reference().strip(),
                        source.asOf()),
                principal.getName(),
                clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(reported.add(value));
    }

    @GetMapping
    @Operation(
            summary =
                    "The latest value each party reported for each period, with the computed value and whether they disagree")
    public List<ReportedValues.Compared> list(@PathVariable String id) {
        Indicator indicator =
                Indicators.byId(id).orElseThrow(() -> new NoSuchElementException("no indicator '" + id + "'"));
        return reported.of(indicator.id());
    }
}
