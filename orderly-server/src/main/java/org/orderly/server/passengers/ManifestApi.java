package org.orderly.server.passengers;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.orderly.border.check.Watchlists;
import org.orderly.border.record.FieldException;
import org.orderly.border.record.RecordFields;
import org.orderly.exchange.sharing.SharingRules;
import org.orderly.exchange.sharing.TransferDecision;
import org.orderly.exchange.sharing.TransferRequest;
import org.orderly.passengers.assessment.PreArrivalAssessment;
import org.orderly.passengers.manifest.TravellerFields;
import org.orderly.server.api.Problems;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.passengers.ManifestStore;
import org.orderly.store.passengers.ManifestStore.Ingestion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passenger data over HTTP: carriers send PAXLST and PNRGOV messages for a destination state; that state's
 * officers read them with their hits, pass them to another state only where a DataSharing commitment in
 * force allows (fields not allowed removed), and answer a data subject's access request. A state sees only
 * what it holds or was sent: anything else is "not found". Every act is appended to the audit log.
 */
@RestController
@RequestMapping("/api/v1")
class ManifestApi {
    /** The dataset name DataSharing commitments use for each message type. */
    static final Map<String, String> DATASETS = Map.of("PAXLST", "API", "PNRGOV", "PNR");

    private final ManifestStore store;
    private final Watchlists watchlists;
    private final RegimeService regime;
    private final AuditTrail audit;

    ManifestApi(ManifestStore store, Watchlists watchlists, RegimeService regime, AuditTrail audit) {
        this.store = store;
        this.watchlists = watchlists;
        this.regime = regime;
        this.audit = audit;
    }

    /** A request to pass a held manifest to another state. */
    record TransferOrder(String to, String purpose, List<String> fields) {}

    @PostMapping(path = "/manifests", consumes = "*/*")
    ResponseEntity<?> ingest(@RequestParam String destination, @RequestBody byte[] message, Authentication principal) {
        String holder = destination.strip().toUpperCase(java.util.Locale.ROOT);
        if (regime.rulebook(regime.today()).indexOf(holder) < 0) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown destination",
                    "destination '" + destination + "' is not a state in the registry");
        }
        if (message == null || message.length == 0)
            return problem(HttpStatus.BAD_REQUEST, "Empty message", "the request body holds no message");
        Instant now = regime.clock().instant();
        // The message and its audit entry in one transaction.
        Ingestion result = audit.recordWith(
                () -> store.ingest(
                        message,
                        principal.getName(),
                        holder,
                        now,
                        manifest -> PreArrivalAssessment.onArrival(
                                manifest, regime.today(), watchlists.screener(), regime::travelRules, holder)),
                ingested -> {
                    Ingestion.AuditNote note = ingested.auditNote(holder);
                    return note == null
                            ? null
                            : new AuditTrail.Entry(AuditTrail.Action.MANIFEST_INGESTED, note.target(), note.detail());
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id());
        return result.match(
                s -> {
                    body.put("status", "stored");
                    body.put("travellers", s.travellers());
                    body.put("warnings", s.warnings());
                    return ResponseEntity.created(URI.create("/api/v1/manifests/" + s.id()))
                            .body(body);
                },
                d -> {
                    body.put("status", "already stored");
                    return ResponseEntity.ok(body);
                },
                r -> {
                    ProblemDetail problem =
                            Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Message kept aside", r.reason());
                    problem.setProperty("rejectedId", r.id());
                    return ResponseEntity.unprocessableContent().body(problem);
                });
    }

    @GetMapping("/manifests")
    ResponseEntity<?> held(Authentication principal) {
        String state = Roles.party(principal);
        if (state == null) return noState();
        return ResponseEntity.ok(store.held(state));
    }

    @GetMapping("/manifests/rejected")
    ResponseEntity<?> rejected(Authentication principal) {
        String state = Roles.party(principal);
        boolean carrier = Roles.has(principal, PassengerSecurity.CARRIER);
        return ResponseEntity.ok(store.rejected(carrier ? principal.getName() : null, carrier ? null : state));
    }

    @GetMapping("/manifests/{id}")
    ResponseEntity<?> manifest(@PathVariable long id, Authentication principal) {
        String state = Roles.party(principal);
        var summary = store.find(id).filter(s -> s.holder().equals(state));
        if (summary.isEmpty()) return notFound("manifest " + id);
        audit.record(
                AuditTrail.Action.MANIFEST_READ,
                "manifest:" + id,
                "travellers: " + summary.get().travellers());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("manifest", summary.get());
        body.put("travellers", store.travellers(id));
        body.put("hits", store.hits(id));
        return ResponseEntity.ok(body);
    }

    @PostMapping("/manifests/{id}/transfers")
    ResponseEntity<?> transfer(@PathVariable long id, @RequestBody TransferOrder order, Authentication principal) {
        String state = Roles.party(principal);
        var summary = store.find(id).filter(s -> s.holder().equals(state));
        if (summary.isEmpty()) return notFound("manifest " + id);
        if (order == null
                || order.to() == null
                || order.purpose() == null
                || order.fields() == null
                || order.fields().isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Incomplete transfer",
                    "a transfer needs to, purpose and fields (any of " + TravellerFields.FIELDS + ")");
        }
        Set<String> unknown = new TreeSet<>(order.fields());
        unknown.removeAll(TravellerFields.FIELDS);
        if (!unknown.isEmpty()) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Unknown fields",
                    "unknown fields " + unknown + "; fields: " + TravellerFields.FIELDS);
        }
        // Codes are checked against the registry before use: only a normalised state code and purpose reach the audit
        // log.
        String to;
        String purpose;
        try {
            to = RecordFields.of(regime.registry()).state("to", order.to());
            purpose = RecordFields.text("purpose", order.purpose(), RecordFields.LONGEST_TEXT)
                    .toLowerCase(java.util.Locale.ROOT);
        } catch (FieldException e) {
            return problem(HttpStatus.BAD_REQUEST, "Bad transfer", e.getMessage());
        }
        String dataset = DATASETS.get(summary.get().messageType());
        TransferDecision decision = SharingRules.decide(
                regime.rulebook(regime.today()),
                new TransferRequest(state, to, dataset, purpose, Set.copyOf(order.fields())));
        if (decision instanceof TransferDecision.Allowed allowed) {
            // The transfer and its audit entry in one transaction: no recorded transfer without its entry.
            long transfer = audit.recordWith(
                    () -> store.recordTransfer(
                            id,
                            state,
                            to,
                            purpose,
                            List.copyOf(allowed.fields()),
                            allowed.instrumentId(),
                            allowed.retentionDays(),
                            regime.clock().instant()),
                    t -> new AuditTrail.Entry(
                            AuditTrail.Action.PASSENGER_TRANSFER,
                            "manifest:" + id,
                            "transfer " + t + " to " + to + " under " + allowed.instrumentId() + "; fields "
                                    + allowed.fields() + "; removed " + allowed.removed()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("transfer", transfer);
            body.put("fields", allowed.fields());
            body.put("removed", allowed.removed());
            body.put("retentionDays", allowed.retentionDays());
            body.put("explanation", allowed.explanation());
            return ResponseEntity.created(URI.create("/api/v1/transfers/" + transfer))
                    .body(body);
        }
        audit.record(AuditTrail.Action.TRANSFER_REFUSED, "manifest:" + id, "to " + to + ": " + decision.explanation());
        return problem(HttpStatus.FORBIDDEN, "Transfer refused", decision.explanation());
    }

    @GetMapping("/transfers")
    ResponseEntity<?> received(Authentication principal) {
        String state = Roles.party(principal);
        if (state == null) return noState();
        return ResponseEntity.ok(store.transfersTo(state));
    }

    /** The travellers of a transfer, with only the fields it allowed; once its retention has passed, nothing. */
    @GetMapping("/transfers/{id}")
    ResponseEntity<?> transferred(@PathVariable long id, Authentication principal) {
        String state = Roles.party(principal);
        var transfer = store.transfer(id)
                .filter(t -> t.recipient().equals(state) || t.sender().equals(state));
        if (transfer.isEmpty()) return notFound("transfer " + id);
        if (transfer.get().maskedAt() != null || transfer.get().manifestId() == null) {
            return problem(
                    HttpStatus.GONE,
                    "Retention passed",
                    "transfer " + id + " was kept for " + transfer.get().retentionDays()
                            + " days as agreed; its data is no longer available");
        }
        Set<String> fields = new TreeSet<>(transfer.get().fields());
        fields.add("id");
        fields.add("role");
        List<Map<String, Object>> travellers = new ArrayList<>();
        for (ManifestStore.StoredTraveller t : store.travellers(transfer.get().manifestId())) {
            travellers.add(SharingRules.filter(
                    TravellerFields.of(
                            t.travellerId(),
                            t.role(),
                            t.surname(),
                            t.givenNames(),
                            t.birthDate(),
                            t.sex(),
                            t.nationality(),
                            t.documentNumbers(),
                            t.bookingReference(),
                            t.infant()),
                    fields));
        }
        audit.record(
                AuditTrail.Action.TRANSFER_READ,
                "manifest:" + transfer.get().manifestId(),
                "transfer " + id + " read by " + state);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transfer", transfer.get());
        body.put("travellers", travellers);
        return ResponseEntity.ok(body);
    }

    /** What this state holds about a person (surname and birth date), and who saw or passed it on. */
    @GetMapping("/data-subjects")
    ResponseEntity<?> subject(
            @RequestParam String surname, @RequestParam LocalDate birthDate, Authentication principal) {
        String state = Roles.party(principal);
        if (state == null) return noState();
        List<ManifestStore.StoredTraveller> held = store.subject(surname, birthDate).stream()
                .filter(t -> store.find(t.manifestId())
                        .map(s -> s.holder().equals(state))
                        .orElse(false))
                .toList();
        List<String> subjects =
                held.stream().map(t -> "manifest:" + t.manifestId()).distinct().toList();
        audit.record(AuditTrail.Action.DATA_SUBJECT_REPORT, "data-subject", "records found: " + held.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holder", state);
        body.put("records", held);
        body.put("accesses", store.accesses(subjects));
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<ProblemDetail> noState() {
        return problem(
                HttpStatus.FORBIDDEN,
                "No state",
                "this account acts for no state, and passenger data is held by states");
    }

    private static ResponseEntity<ProblemDetail> notFound(String what) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                what + " is not held by, nor was sent to, the state this account acts for");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, title, detail));
    }
}
