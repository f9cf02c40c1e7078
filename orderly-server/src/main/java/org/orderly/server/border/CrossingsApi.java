package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayPlan;
import org.orderly.border.stay.StayRule;
import org.orderly.border.stay.StayRules;
import org.orderly.server.audit.AuditTrail;
import org.orderly.store.crossing.CrossingStore;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crossings ledger, overstays and the stay calculator, for border and secretariat principals (see
 * {@link BorderSecurity}); every read or write of a traveller's crossings is audited.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Crossings", description = "Entries and exits, stay decisions, overstay alerts, unmatched crossings")
public class CrossingsApi {
    private final CrossingStore ledger;
    private final TravelQueries travel;
    private final AuditTrail audit;

    public CrossingsApi(CrossingStore ledger, TravelQueries travel, AuditTrail audit) {
        this.ledger = ledger;
        this.travel = travel;
        this.audit = audit;
    }

    /**
     * A crossing as sent: {@code direction} entry or exit; {@code state} is the principal's party (an officer may not
     * name another), {@code at}
     * to now, {@code id} to a new one, {@code nationality} to the issuing state; an entry's {@code rule} defaults to the
     * one the rulebook gives the nationality at this state on that day.
     */
    public record CrossingRequest(String id, String traveller, String direction, Instant at, String state, String crossingPoint,
                                  String documentNumber, String issuingState, String nationality, String rule) {
    }

    /** A traveller's ledger: crossings, the stays they make, and the control answer on a date. */
    public record TravellerView(String traveller, List<Crossing> crossings, List<Stay> stays, StayControl control) {
    }

    @PostMapping("/crossings")
    @Operation(summary = "Record one crossing (idempotent by id); the stay rule of an entry comes from the rulebook unless given")
    public CrossingStore.Ingested record(@RequestBody CrossingRequest request, Authentication principal) {
        Crossing crossing = crossing(request, principal);
        CrossingStore.Ingested ingested = ledger.record(crossing);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "recorded " + crossing.direction().name().toLowerCase(Locale.ROOT)
                + " " + crossing.id() + " at " + crossing.state());
        return ingested;
    }

    @PostMapping("/crossings/batch")
    @Operation(summary = "Record a batch of crossings in one transaction: all or nothing")
    public CrossingStore.Ingested recordAll(@RequestBody List<CrossingRequest> requests, Authentication principal) {
        List<Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                crossings.add(crossing(requests.get(i), principal));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("$[" + i + "]: " + e.getMessage());
            }
        }
        CrossingStore.Ingested ingested = ledger.recordAll(crossings);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "recorded a batch of " + crossings.size() + " crossings");
        return ingested;
    }

    @GetMapping("/crossings")
    @Operation(summary = "A traveller's crossings, stays and days used and left on a date (default today)")
    public TravellerView traveller(@RequestParam String traveller,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the crossings of one traveller");
        return view(ledger, traveller, on == null ? TravelQueries.today() : on);
    }

    /** The view of one traveller, shared with the page: stays from entries and exits, the control under the latest entry's rule. */
    static TravellerView view(CrossingStore ledger, String traveller, LocalDate on) {
        List<Crossing> crossings = ledger.crossings(traveller.strip());
        List<Stay> stays = new ArrayList<>();
        LocalDate entry = null;
        String rule = null;
        for (Crossing c : crossings) {
            if (c.direction() == Crossing.Direction.ENTRY) {
                if (entry != null) stays.add(Stay.of(entry, entry));
                entry = c.day();
                rule = c.rule();
            } else if (entry != null) {
                stays.add(Stay.of(entry, c.day()));
                entry = null;
            }
        }
        if (entry != null) stays.add(Stay.of(entry, null));
        List<Stay> merged = new ArrayList<>();
        for (Stay stay : stays) {
            Stay last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.exit() != null && !stay.entry().isAfter(last.exit())) {
                merged.set(merged.size() - 1, Stay.of(last.entry(), stay.exit() == null ? null : stay.exit().isAfter(last.exit()) ? stay.exit() : last.exit()));
            } else {
                merged.add(stay);
            }
        }
        StayControl control = rule == null ? null : StayAccounting.control(StayRuleCodes.parse(rule), new StayHistory(merged), on);
        return new TravellerView(traveller, crossings, merged, control);
    }

    @GetMapping("/overstays")
    @Operation(summary = "Overstay alerts, open ones first (open=true: only those)")
    public List<CrossingStore.Alert> overstays(@RequestParam(defaultValue = "false") boolean open,
                                               @RequestParam(defaultValue = "200") int limit) {
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the overstay list");
        return ledger.alerts(open, Math.min(Math.max(limit, 1), 10_000));
    }

    @GetMapping("/overstays/counts")
    @Operation(summary = "Overstay alerts counted by nationality and rule, for monitoring (no personal data)")
    public List<CrossingStore.AlertCount> overstayCounts() {
        return ledger.alertCounts();
    }

    @GetMapping("/crossings/unmatched")
    @Operation(summary = "Exits without an entry and entries without an exit")
    public List<CrossingStore.Unmatched> unmatched(@RequestParam(defaultValue = "200") int limit) {
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the unmatched crossings");
        return ledger.unmatched(Math.min(Math.max(limit, 1), 10_000));
    }

    /** The stay calculator: a rule, past stays, and a control date or an entry date. */
    public record StayQuestion(String rule, List<String> stays, LocalDate on, LocalDate enter) {
    }

    /** The answer: {@code control} for a control date, {@code plan} for an entry date. */
    public record StayAnswer(StayControl control, StayPlan plan) {
    }

    @PostMapping("/stays/calculation")
    @Operation(summary = "Short-stay calculator: rule N/M or a rule code, stays FROM..TO or FROM.., and on (control) or enter (planning)")
    public StayAnswer calculate(@RequestBody StayQuestion question) {
        if ((question.on() == null) == (question.enter() == null)) throw new IllegalArgumentException("give either on (control) or enter (planning)");
        StayRule rule = StayRuleCodes.parse(question.rule() == null || question.rule().isBlank() ? "90/180" : question.rule());
        List<Stay> stays = new ArrayList<>();
        List<String> given = question.stays() == null ? List.of() : question.stays();
        for (int i = 0; i < given.size(); i++) {
            try {
                stays.add(Stay.parse(given.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stays[" + i + "]: " + e.getMessage());
            }
        }
        StayHistory history = StayHistory.of(stays);
        return question.on() != null ? new StayAnswer(StayAccounting.control(rule, history, question.on()), null)
                : new StayAnswer(null, StayAccounting.plan(rule, history, question.enter()));
    }

    private Crossing crossing(CrossingRequest request, Authentication principal) {
        if (request.direction() == null) throw new IllegalArgumentException("direction is missing: entry or exit");
        Crossing.Direction direction;
        try {
            direction = Crossing.Direction.valueOf(request.direction().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direction '" + request.direction() + "' is not entry or exit");
        }
        // An officer records crossings at the border of the state it acts for only; the secretariat names the state.
        String state = OfficerBorder.of(principal, request.state());
        if (state == null) throw new IllegalArgumentException("state is missing: give the state of the border, or sign in as an officer of a state");
        Instant at = request.at() == null ? Instant.now() : request.at();
        String nationality = request.nationality() == null || request.nationality().isBlank() ? request.issuingState() : request.nationality();
        String rule = request.rule();
        if (direction == Crossing.Direction.ENTRY && (rule == null || rule.isBlank())) {
            if (nationality == null || nationality.isBlank()) throw new IllegalArgumentException("a crossing needs its issuing_state");
            var answer = travel.answer(nationality, state, LocalDate.ofInstant(at, ZoneOffset.UTC), null);
            rule = StayRules.of(answer).map(StayRuleCodes::code).orElseThrow(() -> new IllegalArgumentException(
                    "the rulebook sets no stay limit for " + answer.passportName() + " nationals entering " + answer.destinationName()
                            + " (" + answer.categoryLabel() + "): give the rule, e.g. the visa's terms as visa:FROM..UNTIL:ENTRIES:DAYS/180"));
        }
        return new Crossing(request.id() == null || request.id().isBlank() ? UUID.randomUUID().toString() : request.id(),
                request.traveller(), direction, at, state, request.crossingPoint(), request.documentNumber(), request.issuingState(),
                nationality, rule);
    }
}
