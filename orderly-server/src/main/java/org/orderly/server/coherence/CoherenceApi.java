package org.orderly.server.coherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.orderly.regime.InstrumentRequest;
import org.orderly.regime.coherence.CoherenceReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conflicts among what the parties agreed: the registry's on a date, or a draft's before it binds. Public; writes nothing. */
@RestController
@RequestMapping("/api/v1/coherence")
@Tag(name = "Coherence", description = "Conflicts among the commitments and instruments that bind a party")
class CoherenceApi {
    private final CoherenceService coherence;

    CoherenceApi(CoherenceService coherence) {
        this.coherence = coherence;
    }

    @GetMapping
    @Operation(
            summary =
                    "Every conflict in the registry on a date (default today), optionally of a severity (conflict, risk), a kind or involving a party")
    public CoherenceReport registry(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String party) {
        return coherence.registry(date).filter(severity, kind, party);
    }

    @PostMapping
    @Operation(
            summary =
                    "The conflicts a draft instrument (the JSON POST /api/v1/instruments takes) would bring on a date; nothing is written")
    public CoherenceReport draft(
            @RequestBody InstrumentRequest draft,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return coherence.draft(draft, date);
    }
}
