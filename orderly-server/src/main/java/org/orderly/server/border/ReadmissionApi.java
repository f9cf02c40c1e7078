package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.orderly.border.readmission.ReadmissionCase;
import org.orderly.border.record.RecordFields;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.negotiation.ForbiddenException;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.readmission.ReadmissionStore;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readmission cases: a state's request, the requested state's answers, deadlines and breaches. A case is seen by the
 * requesting and the requested state only (anyone else is told it does not exist), and answered by the requested
 * state only; every field is checked against the registry before use ({@link RecordFields}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Readmission",
        description = "Readmission requests under Readmission commitments, answers, deadlines and breaches")
public class ReadmissionApi {
    private final ReadmissionStore cases;
    private final RegimeService regime;
    private final BorderRegistry registry;
    private final AuditTrail audit;

    ReadmissionApi(ReadmissionStore cases, RegimeService regime, BorderRegistry registry, AuditTrail audit) {
        this.cases = cases;
        this.regime = regime;
        this.registry = registry;
        this.audit = audit;
    }

    /** A request: {@code requesting} is the principal's state (naming another is refused), {@code on} defaults to today. */
    public record CaseRequest(
            String id, String requesting, String requested, String personReference, String nationality, LocalDate on) {}

    /** An answer: accept, refuse (with a reason) or ask_for_evidence; {@code on} defaults to today. */
    public record AnswerRequest(String kind, String reason, LocalDate on) {}

    /** A case as shown: with its status, due day and whether it is in breach today. */
    public record CaseView(
            ReadmissionCase request,
            String status,
            LocalDate answerDue,
            boolean outsideAnyAgreement,
            boolean breached) {
        static CaseView of(ReadmissionCase c, LocalDate today) {
            return new CaseView(c, c.status().name(), c.answerDue(), c.outsideAnyAgreement(), c.breached(today));
        }
    }

    @PostMapping("/readmission-cases")
    @Operation(
            summary =
                    "Open a readmission request; it is placed under the Readmission commitment in force, or marked outside any agreement")
    public CaseView open(@RequestBody CaseRequest request, Authentication principal) {
        OfficerBorder.own(principal);
        if (request == null) throw new IllegalArgumentException("the request is missing");
        // An officer requests for the state it acts for only.
        String requesting = OfficerBorder.of(principal, request.requesting());
        if (request.personReference() == null || request.personReference().isBlank()) {
            throw new IllegalArgumentException(
                    "personReference is missing: the requesting state's file reference for the person");
        }
        LocalDate on = request.on() == null ? regime.today() : RegimeService.requireSane("on", request.on());
        ReadmissionCase opened = registry.fields()
                .readmissionCase(
                        request.id() == null || request.id().isBlank()
                                ? UUID.randomUUID().toString()
                                : request.id(),
                        regime.rulebook(on),
                        requesting,
                        request.requested(),
                        request.personReference(),
                        request.nationality());
        audit.recordWith(
                () -> cases.open(opened),
                o -> new AuditTrail.Entry(
                        AuditTrail.Action.READMISSION,
                        "readmission",
                        "opened readmission case " + o.id() + " from " + o.requesting() + " to " + o.requested()));
        return CaseView.of(opened, regime.today());
    }

    @PostMapping("/readmission-cases/{id}/answers")
    @Operation(summary = "Answer a readmission request (the requested state only)")
    public CaseView answer(@PathVariable String id, @RequestBody AnswerRequest request, Authentication principal) {
        ReadmissionCase existing = visible(id, OfficerBorder.own(principal));
        if (!existing.requested().equals(Roles.party(principal))) {
            throw new ForbiddenException(
                    "only " + existing.requested() + " (the requested state) answers case " + existing.id());
        }
        if (request == null) throw new IllegalArgumentException("the answer is missing");
        ReadmissionCase.Kind kind;
        try {
            kind = ReadmissionCase.Kind.valueOf(
                    request.kind() == null ? "" : request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "kind '" + RecordFields.quoted(request.kind()) + "' is not accept, refuse or ask_for_evidence");
        }
        LocalDate on = request.on() == null ? regime.today() : RegimeService.requireSane("on", request.on());
        ReadmissionCase.Answer given =
                new ReadmissionCase.Answer(on, kind, RecordFields.reason("reason", request.reason()));
        ReadmissionCase answered = audit.recordWith(
                () -> cases.answer(existing.id(), given),
                a -> new AuditTrail.Entry(
                        AuditTrail.Action.READMISSION,
                        "readmission",
                        "answered readmission case " + existing.id() + ": "
                                + kind.name().toLowerCase(Locale.ROOT)));
        return CaseView.of(answered, regime.today());
    }

    @GetMapping("/readmission-cases")
    @Operation(
            summary =
                    "The cases this state requested or was requested in, newest first (breached=true: only those past their answer deadline)")
    public List<CaseView> list(@RequestParam(defaultValue = "false") boolean breached, Authentication principal) {
        String state = OfficerBorder.own(principal);
        LocalDate today = regime.today();
        audit.record(AuditTrail.Action.READMISSION, "readmission", "read the readmission cases of " + state);
        return cases.of(state, 1000).stream()
                .filter(c -> !breached || c.breached(today))
                .map(c -> CaseView.of(c, today))
                .toList();
    }

    /** The case when {@code state} requested it or was requested; otherwise, as for a case that does not exist, not found. */
    private ReadmissionCase visible(String id, String state) {
        String key = RecordFields.text("id", id, RecordFields.LONGEST_TEXT);
        ReadmissionCase found;
        try {
            found = cases.find(key);
        } catch (NoSuchElementException e) {
            found = null;
        }
        if (found == null
                || !(found.requesting().equals(state) || found.requested().equals(state))) {
            throw new NoSuchElementException("no readmission case '" + key + "' of " + state);
        }
        return found;
    }
}
