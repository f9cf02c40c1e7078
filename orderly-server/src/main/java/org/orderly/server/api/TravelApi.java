package org.orderly.server.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.orderly.travel.requirement.TravelAnswer;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Travel requirements: what a national of X needs to enter Y, and on what authority. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Travel", description = "Travel requirements from the rulebook")
public class TravelApi {
    private final TravelQueries queries;

    public TravelApi(TravelQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/travel-requirements")
    @Operation(summary = "The requirement for a passport, destination, date and purpose, with its sources")
    public TravelAnswer requirement(
            @Parameter(example = "DEU") @RequestParam String passport,
            @Parameter(example = "JPN") @RequestParam String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Parameter(description = "tourism (default), business, family, transit, study or work")
                    @RequestParam(required = false)
                    String purpose) {
        return queries.answer(passport, destination, date, purpose);
    }
}
