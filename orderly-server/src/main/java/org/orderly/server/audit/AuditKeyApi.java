package org.orderly.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.orderly.store.audit.AuditStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the audit key, published so that anyone given an export can verify it offline. */
@RestController
@Tag(name = "Audit", description = "Hash-chained log of every act on personal data; anyone entitled can verify it")
public class AuditKeyApi {
    private final AuditStore store;

    public AuditKeyApi(AuditStore store) {
        this.store = store;
    }

    @GetMapping(value = "/api/v1/audit-public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The audit log's Ed25519 public key (PEM): verifies entry and checkpoint signatures; public")
    public String publicKey() {
        return store.publicKey().pem();
    }
}
