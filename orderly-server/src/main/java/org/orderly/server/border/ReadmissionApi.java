package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.orderly.border.readmission.ReadmissionCase;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.negotiation.ForbiddenException;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.orderly.store.readmission.ReadmissionStore;
import org.orderly.travel.requirement.TravelQueries;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readmission cases: a state's request, the requested state's answers, deadlines and breaches. Border and secretariat
 * principals only; only the requested state (or the secretariat) answers.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Readmission", description = "Readmission requests under Readmission commitments, answers, deadlines and breaches")
public class ReadmissionApi {
    private final ReadmissionStore cases;
    private final RegimeService regime;
    private final AuditTrail audit;

    public ReadmissionApi(ReadmissionStore cases, RegimeService regime, AuditTrail audit) {
        this.cases = cases;
        this.regime = regime;
        this.audit = audit;
    }

    /** A request: {@code requesting} is the principal's party (the secretariat names it), {@code on} defaults to today. */
    public record CaseRequest(String id, String requesting, String requested, String personReference, String nationality, LocalDate on) {
    }

    /** An answer: accept, refuse (with a reason) or ask_for_evidence; {@code on} defaults to today. */
    public record AnswerRequest(String kind, String reason, LocalDate on) {
    }

    /** A case as shown: with its status, due day and whether it is in breach today. */
    public record CaseView(ReadmissionCase request, String status, LocalDate answerDue, boolean outsideAnyAgreement, boolean breached) {
        static CaseView of(ReadmissionCase c, LocalDate today) {
            return new CaseView(c, c.status().name(), c.answerDue(), c.outsideAnyAgreement(), c.breached(today));
        }
    }

    @PostMapping("/readmission-cases")
    @Operation(summary = "Open a readmission request; it is placed under the Readmission commitment in force, or marked outside any agreement")
    public CaseView open(@RequestBody CaseRequest request, Authentication principal) {
        // An officer requests for the state it acts for only; the secretariat names the requesting state.
        String requesting = OfficerBorder.of(principal, request.requesting());
        if (request.personReference() == null || request.personReference().isBlank()) {
            throw new IllegalArgumentException("personReference is missing: the requesting state's file reference for the person");
        }
        LocalDate on = request.on() == null ? TravelQueries.today() : request.on();
        ReadmissionCase opened = ReadmissionCase.open(request.id() == null || request.id().isBlank() ? UUID.randomUUID().toString() : request.id(),
                regime.rulebook(on), requesting, request.requested(), request.personReference(), request.nationality());
        cases.open(opened);
        audit.record(AuditTrail.Action.READMISSION, "readmission", "opened readmission case " + opened.id());
        return CaseView.of(opened, TravelQueries.today());
    }

    @PostMapping("/readmission-cases/{id}/answers")
    @Operation(summary = "Answer a readmission request (the requested state or the secretariat)")
    public CaseView answer(@PathVariable String id, @RequestBody AnswerRequest request, Authentication principal) {
        ReadmissionCase existing = cases.find(id);
        String party = Roles.party(principal);
        if (!Roles.has(principal, Roles.SECRETARIAT) && !existing.requested().equals(party)) {
            throw new ForbiddenException("only " + existing.requested() + " (the requested state) or the secretariat answers case " + id);
        }
        ReadmissionCase.Kind kind;
        try {
            kind = ReadmissionCase.Kind.valueOf(request.kind() == null ? "" : request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + request.kind() + "' is not accept, refuse or ask_for_evidence");
        }
        ReadmissionCase answered = cases.answer(id, new ReadmissionCase.Answer(request.on() == null ? TravelQueries.today() : request.on(), kind, request.reason()));
        audit.record(AuditTrail.Action.READMISSION, "readmission", "answered readmission case " + id + ": " + kind.name().toLowerCase(Locale.ROOT));
        return CaseView.of(answered, TravelQueries.today());
    }

    @GetMapping("/readmission-cases")
    @Operation(summary = "Readmission cases, newest first (breached=true: only those past their answer deadline)")
    public List<CaseView> list(@RequestParam(defaultValue = "false") boolean breached) {
        LocalDate today = TravelQueries.today();
        audit.record(AuditTrail.Action.READMISSION, "readmission", "read the readmission cases");
        return (breached ? cases.breached(today) : cases.all(1000)).stream().map(c -> CaseView.of(c, today)).toList();
    }
}
