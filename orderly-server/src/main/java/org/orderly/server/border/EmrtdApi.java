package org.orderly.server.border;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.orderly.server.audit.AuditTrail;
import org.orderly.travel.document.emrtd.CscaList;
import org.orderly.travel.document.emrtd.PassiveAuthentication;
import org.orderly.travel.document.emrtd.PassiveAuthenticationResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** eMRTD passive authentication of a chip's EF.SOD and data groups against the CSCA certificates in {@code orderly.csca-path}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Border", description = "Document checks, name matching, watchlist screening, border checks")
public class EmrtdApi {
    private final PassiveAuthentication authentication;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    public EmrtdApi(BorderProperties properties, AuditTrail audit, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        String folder = properties.cscaPath();
        if (folder == null || folder.isBlank()) {
            this.authentication = null;
            return;
        }
        try {
            this.authentication = new PassiveAuthentication(CscaList.load(Path.of(folder)));
        } catch (IOException e) {
            throw new UncheckedIOException("orderly.csca-path: cannot load the CSCA certificates from " + folder, e);
        }
    }

    /**
     * The chip's EF.SOD and data groups (number → file bytes, DG1 required, DG2 where the chip has it), base64-encoded,
     * and the instant of the check (default now).
     */
    public record VerifyRequest(String sod, Map<Integer, String> dataGroups, java.time.Instant at) {}

    /** The verification with {@code passed} and the distinct reasons spelled out. */
    public record VerifyResult(boolean passed, PassiveAuthenticationResult result) {}

    @PostMapping("/documents/emrtd/verify")
    @Operation(
            summary =
                    "Passive authentication: data group hashes, the document signer's signature and its chain to a trusted CSCA")
    public VerifyResult verify(@RequestBody VerifyRequest request) {
        if (authentication == null) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "no CSCA certificates are configured on this server (orderly.csca-path)");
        }
        Map<Integer, byte[]> groups = new HashMap<>();
        if (request.dataGroups() != null)
            request.dataGroups().forEach((n, bytes) -> groups.put(n, base64("dataGroups." + n, bytes)));
        PassiveAuthenticationResult result = authentication.verify(
                request.sod() == null ? null : base64("sod", request.sod()),
                groups,
                request.at() == null ? clock.instant() : request.at());
        audit.record(
                AuditTrail.Action.EMRTD_VERIFICATION,
                "data groups " + new java.util.TreeSet<>(groups.keySet()),
                result.passed() ? "passed" : "failed: " + result.reasons());
        return new VerifyResult(result.passed(), result);
    }

    private static byte[] base64(String field, String text) {
        if (text == null) throw new IllegalArgumentException(field + ": missing (the file's bytes in base64)");
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(
                    field + ": not base64 (the file's bytes in base64, as read from the chip)");
        }
    }
}
