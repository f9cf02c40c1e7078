package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.CrossingFields;
import org.orderly.border.crossing.OverstayWatch;
import org.orderly.border.crossing.StayRuleCodes;
import org.orderly.border.record.RecordFields;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayAccounting;
import org.orderly.border.stay.StayControl;
import org.orderly.border.stay.StayHistory;
import org.orderly.border.stay.StayPlan;
import org.orderly.border.stay.StayRule;
import org.orderly.exchange.sharing.SharingRules;
import org.orderly.exchange.sharing.TransferDecision;
import org.orderly.exchange.sharing.TransferRequest;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.crossing.CrossingStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crossings ledger, overstays and the stay calculator. A border principal acting for a state records crossings at
 * its own border and reads its own state's crossings, stays, alerts and unmatched crossings; of another state's
 * crossings it reads only what a {@code DataSharing} commitment in force lets that state send it (dataset
 * {@link CrossingFields#DATASET}, for the purpose it names, those fields only, within the retention agreed), decided by
 * {@link SharingRules} as passenger data is. Every read or write of a traveller's crossings, and every shared read, is
 * audited; the secretariat, acting for no state, reads counts and uses the calculator only.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Crossings", description = "Entries and exits, stay decisions, overstay alerts, unmatched crossings")
public class CrossingsApi {
    private final CrossingStore ledger;
    private final RegimeService regime;
    private final BorderRegistry registry;
    private final AuditTrail audit;

    CrossingsApi(CrossingStore ledger, RegimeService regime, BorderRegistry registry, AuditTrail audit) {
        this.ledger = ledger;
        this.regime = regime;
        this.registry = registry;
        this.audit = audit;
    }

    /**
     * A crossing as sent: {@code direction} entry or exit; {@code state} is the principal's state (naming another is
     * refused), {@code at} defaults to now, {@code id} to a new one, {@code nationality} to the issuing state; an entry's
     * {@code rule} defaults to the one the rulebook gives the nationality at this state on that day.
     */
    public record CrossingRequest(
            String id,
            String traveller,
            String direction,
            Instant at,
            String state,
            String crossingPoint,
            String documentNumber,
            String issuingState,
            String nationality,
            String rule) {}

    /**
     * A traveller's ledger as one state sees it: its own crossings, the stays they make with the crossings of a common
     * frontier it keeps, the control answer on a date, and what other states' sharing commitments sent ({@code shared}).
     */
    public record TravellerView(
            String traveller,
            List<Crossing> crossings,
            List<Stay> stays,
            StayControl control,
            List<SharedCrossings> shared) {}

    /** The crossings one state sent under a commitment: only the fields it allows. */
    public record SharedCrossings(
            String from,
            String instrumentId,
            String purpose,
            List<String> fields,
            List<Map<String, Object>> crossings) {}

    @PostMapping("/crossings")
    @Operation(
            summary =
                    "Record one crossing at the border of the principal's state (idempotent by id); the stay rule of an entry comes from the rulebook unless given")
    public CrossingStore.Ingested record(@RequestBody CrossingRequest request, Authentication principal) {
        Crossing crossing = crossing(request, principal);
        return audit.recordWith(
                () -> ledger.record(crossing),
                i -> new AuditTrail.Entry(
                        AuditTrail.Action.CROSSINGS,
                        "crossings",
                        "recorded " + crossing.direction().name().toLowerCase(Locale.ROOT) + " " + crossing.id()
                                + " at " + crossing.state()));
    }

    @PostMapping("/crossings/batch")
    @Operation(summary = "Record a batch of crossings in one transaction: all or nothing")
    public CrossingStore.Ingested recordAll(@RequestBody List<CrossingRequest> requests, Authentication principal) {
        String state = OfficerBorder.own(principal);
        if (requests == null) throw new IllegalArgumentException("the body holds no list of crossings");
        List<Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                crossings.add(crossing(requests.get(i), principal));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("$[" + i + "]: " + e.getMessage());
            }
        }
        return audit.recordWith(
                () -> ledger.recordAll(crossings),
                i -> new AuditTrail.Entry(
                        AuditTrail.Action.CROSSINGS,
                        "crossings",
                        "recorded a batch of " + crossings.size() + " crossings at " + state));
    }

    @GetMapping("/crossings")
    @Operation(
            summary =
                    "A traveller's crossings at this state's border, stays and days used and left on a date (default today); "
                            + "with purpose, also what other states' DataSharing commitments send for it")
    public TravellerView traveller(
            @RequestParam String traveller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String purpose,
            Authentication principal) {
        String state = OfficerBorder.own(principal);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the crossings of one traveller at " + state);
        TravellerView own =
                view(ledger, state, traveller, on == null ? regime.today() : RegimeService.requireSane("on", on));
        if (purpose == null || purpose.isBlank()) return own;
        return new TravellerView(
                own.traveller(),
                own.crossings(),
                own.stays(),
                own.control(),
                shared(
                        state,
                        own.traveller(),
                        RecordFields.text("purpose", purpose, RecordFields.LONGEST_TEXT)
                                .toLowerCase(Locale.ROOT)));
    }

    /**
     * What other states' commitments send {@code state} of a traveller's crossings, for {@code purpose}: each sending
     * state's crossings within the agreed retention, with the allowed fields only. A state that may not send is left out
     * without a word, so that the answer never tells whether it holds anything.
     */
    private List<SharedCrossings> shared(String state, String traveller, String purpose) {
        Map<String, List<Crossing>> bySender = new TreeMap<>();
        for (Crossing c : ledger.crossingsElsewhere(traveller, state))
            bySender.computeIfAbsent(c.state(), s -> new ArrayList<>()).add(c);
        List<SharedCrossings> shared = new ArrayList<>();
        Instant now = regime.clock().instant();
        for (Map.Entry<String, List<Crossing>> sender : bySender.entrySet()) {
            TransferDecision decision = SharingRules.decide(
                    regime.rulebook(regime.today()),
                    new TransferRequest(
                            sender.getKey(),
                            state,
                            CrossingFields.DATASET,
                            purpose,
                            Set.copyOf(CrossingFields.FIELDS)));
            if (!(decision instanceof TransferDecision.Allowed allowed)) continue;
            Instant keptFrom = now.minus(java.time.Duration.ofDays(allowed.retentionDays()));
            List<Map<String, Object>> records = sender.getValue().stream()
                    .filter(c -> c.at().isAfter(keptFrom))
                    .map(c -> SharingRules.filter(CrossingFields.of(c), allowed.fields()))
                    .toList();
            if (records.isEmpty()) continue;
            List<String> fields = CrossingFields.FIELDS.stream()
                    .filter(allowed.fields()::contains)
                    .toList();
            audit.record(
                    AuditTrail.Action.TRANSFER_READ,
                    "crossings:" + sender.getKey(),
                    records.size() + " crossing(s) of one traveller sent to " + state + " under "
                            + allowed.instrumentId() + " for " + purpose + "; fields " + fields);
            shared.add(new SharedCrossings(sender.getKey(), allowed.instrumentId(), purpose, fields, records));
        }
        return shared;
    }

    /**
     * The view of one traveller for one state, shared with the page: its own crossings; stays from the entries and exits
     * of the stay areas those crossings count in (a common frontier's other states included, whose crossings are not
     * listed); the control under the latest entry's rule.
     */
    static TravellerView view(CrossingStore ledger, String state, String traveller, LocalDate on) {
        String key = RecordFields.text("traveller", traveller, RecordFields.LONGEST_TEXT);
        List<Crossing> crossings = ledger.crossings(key, state);
        List<Crossing> inStays = ledger.crossingsInStaysOf(key, state);
        // The overstay watch's own replay: each stay keeps its title, and only short stays count.
        StayHistory stays = OverstayWatch.stays(inStays);
        String rule = inStays.stream()
                .filter(c -> c.direction() == Crossing.Direction.ENTRY)
                .reduce((earlier, later) -> later)
                .map(Crossing::rule)
                .orElse(null);
        StayControl control = rule == null ? null : StayAccounting.control(StayRuleCodes.parse(rule), stays, on);
        return new TravellerView(key, crossings, stays.stays(), control, List.of());
    }

    @GetMapping("/overstays")
    @Operation(summary = "This state's overstay alerts, open ones first (open=true: only those)")
    public List<CrossingStore.Alert> overstays(
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "200") int limit,
            Authentication principal) {
        String state = OfficerBorder.own(principal);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the overstay list of " + state);
        return ledger.alerts(state, open, Math.min(Math.max(limit, 1), 10_000));
    }

    @GetMapping("/overstays/counts")
    @Operation(
            summary =
                    "Overstay alerts counted by nationality and rule (no personal data): this state's, or every state's for the secretariat")
    public List<CrossingStore.AlertCount> overstayCounts(Authentication principal) {
        String state = Roles.party(principal);
        if (state == null && !Roles.has(principal, Roles.SECRETARIAT)) OfficerBorder.own(principal);
        return ledger.alertCounts(state);
    }

    @GetMapping("/crossings/unmatched")
    @Operation(summary = "This state's exits without an entry and entries without an exit")
    public List<CrossingStore.Unmatched> unmatched(
            @RequestParam(defaultValue = "200") int limit, Authentication principal) {
        String state = OfficerBorder.own(principal);
        audit.record(AuditTrail.Action.CROSSINGS, "crossings", "read the unmatched crossings of " + state);
        return ledger.unmatched(state, Math.min(Math.max(limit, 1), 10_000));
    }

    /** The stay calculator: a rule, past stays, and a control date or an entry date. */
    public record StayQuestion(String rule, List<String> stays, LocalDate on, LocalDate enter) {}

    /** The answer: {@code control} for a control date, {@code plan} for an entry date. */
    public record StayAnswer(StayControl control, StayPlan plan) {}

    @PostMapping("/stays/calculation")
    @Operation(
            summary =
                    "Short-stay calculator: rule N/M or a rule code, stays FROM..TO or FROM.., and on (control) or enter (planning)")
    public StayAnswer calculate(@RequestBody StayQuestion question) {
        if ((question.on() == null) == (question.enter() == null))
            throw new IllegalArgumentException("give either on (control) or enter (planning)");
        RegimeService.requireSane("on", question.on());
        RegimeService.requireSane("enter", question.enter());
        StayRule rule = StayRuleCodes.parse(
                question.rule() == null || question.rule().isBlank()
                        ? "90/180"
                        : RecordFields.text("rule", question.rule(), RecordFields.LONGEST_TEXT));
        List<Stay> stays = new ArrayList<>();
        List<String> given = question.stays() == null ? List.of() : question.stays();
        for (int i = 0; i < given.size(); i++) {
            try {
                Stay stay = Stay.parse(RecordFields.text("stay", given.get(i), RecordFields.LONGEST_TEXT));
                RegimeService.requireSane("entry", stay.entry());
                RegimeService.requireSane("exit", stay.exit());
                stays.add(stay);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stays[" + i + "]: " + e.getMessage());
            }
        }
        StayHistory history = StayHistory.of(stays);
        return question.on() != null
                ? new StayAnswer(StayAccounting.control(rule, history, question.on()), null)
                : new StayAnswer(null, StayAccounting.plan(rule, history, question.enter()));
    }

    /** A request made a crossing at the principal's own border, every field checked by the one set of rules ({@link RecordFields}). */
    private Crossing crossing(CrossingRequest request, Authentication principal) {
        OfficerBorder.own(principal);
        if (request == null) throw new IllegalArgumentException("the crossing is missing");
        // An officer records crossings at the border of the state it acts for only.
        String state = OfficerBorder.of(principal, request.state());
        if (request.direction() == null) throw new IllegalArgumentException("direction is missing: entry or exit");
        Crossing.Direction direction;
        try {
            direction = Crossing.Direction.valueOf(request.direction().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "direction '" + RecordFields.quoted(request.direction()) + "' is not entry or exit");
        }
        Instant at = request.at() == null ? regime.clock().instant() : request.at();
        // The one intake of the file import and the stream: an entry without a rule gets the rulebook's, or is refused.
        return registry.intake()
                .crossing(
                        request.id() == null || request.id().isBlank()
                                ? UUID.randomUUID().toString()
                                : request.id(),
                        request.traveller(),
                        direction,
                        at,
                        state,
                        request.crossingPoint(),
                        request.documentNumber(),
                        request.issuingState(),
                        request.nationality(),
                        request.rule());
    }
}
