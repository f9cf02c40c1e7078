package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.orderly.border.check.BorderChecks;
import org.orderly.border.check.DocumentView;
import org.orderly.border.check.HitView;
import org.orderly.border.check.Watchlists;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.NameComparator;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.regime.RegimeService;
import org.orderly.server.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Travel documents, name comparison, watchlist screening and the combined border check. Everything that touches
 * personal data needs a border or secretariat principal (see {@link BorderSecurity}); comparing two names is public.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Border", description = "Document checks, name matching, watchlist screening, border checks")
public class BorderApi {
    private final BorderChecks checks;
    private final Watchlists watchlists;
    private final NameComparator comparator = new NameComparator();

    private final AuditTrail audit;

    public BorderApi(BorderChecks checks, Watchlists watchlists, AuditTrail audit) {
        this.audit = audit;
        this.checks = checks;
        this.watchlists = watchlists;
    }

    /** A zone as its lines or as one text, read on a date (default today) with or without OCR repair. */
    public record DocumentRequest(List<String> lines, String text, LocalDate on, Boolean repair) {}

    /** Two names to compare. */
    public record CompareRequest(String name1, String name2) {}

    /** A screening query: a person (name, optional birth date YYYY or YYYY-MM-DD and nationality), a document, or both. */
    public record ScreeningRequest(
            String name, String birthDate, String nationality, String documentNumber, String issuingState) {}

    /** A border check: the zone, the date, OCR repair, and the border state (default: the principal's party). */
    public record BorderCheckRequest(List<String> lines, String text, LocalDate on, Boolean repair, String border) {}

    /** The hits of one screening, and how many lists were searched. */
    public record ScreeningResult(int watchlists, List<HitView> hits) {}

    @PostMapping("/documents/mrz")
    @Operation(
            summary =
                    "Read and check a machine-readable zone (ICAO 9303): fields, every check digit, valid, warnings, repairs")
    public DocumentView document(@RequestBody DocumentRequest request) {
        RegimeService.requireSane("on", request.on());
        DocumentView document = DocumentView.of(
                checks.read(request.lines(), request.text(), request.on(), Boolean.TRUE.equals(request.repair())));
        audit.record(AuditTrail.Action.DOCUMENT_READ, "", document.valid() ? "zone valid" : "zone invalid");
        return document;
    }

    @PostMapping("/names/compare")
    @Operation(summary = "Compare two names: score in [0,1], match decision and explanation (nothing is stored)")
    public Comparison compare(@RequestBody CompareRequest request) {
        if (request.name1() == null || request.name2() == null)
            throw new IllegalArgumentException("give name1 and name2");
        return comparator.compare(request.name1(), request.name2());
    }

    @GetMapping("/watchlists")
    @Operation(summary = "The loaded watchlists: names and sizes only")
    public List<Watchlists.Summary> watchlists() {
        return watchlists.summaries();
    }

    @PostMapping("/screening")
    @Operation(summary = "Screen a person and/or a document against every loaded watchlist, with explained hits")
    public ScreeningResult screen(@RequestBody ScreeningRequest request) {
        return new ScreeningResult(
                watchlists.summaries().size(),
                checks.screen(
                        request.name(),
                        request.birthDate(),
                        request.nationality(),
                        request.documentNumber(),
                        request.issuingState()));
    }

    @PostMapping("/border-checks")
    @Operation(summary = "Read the zone, screen holder and document, and give the travel requirement at this border")
    public BorderChecks.BorderCheck borderCheck(@RequestBody BorderCheckRequest request, Authentication principal) {
        RegimeService.requireSane("on", request.on());
        String border = OfficerBorder.of(principal, request.border());
        return checks.check(
                request.lines(), request.text(), request.on(), Boolean.TRUE.equals(request.repair()), border);
    }

    /** The party a principal acts for (authority {@code PARTY_<code>}), or null. */
    static String party(Authentication principal) {
        return Roles.party(principal);
    }
}
