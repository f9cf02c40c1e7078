package org.orderly.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditCheckpoint;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.store.audit.AuditStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of acts on personal data, and its verification (secretariat only). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Hash-chained log of every act on personal data; anyone entitled can verify it")
public class AuditApi {
    private final AuditStore store;

    public AuditApi(AuditStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "The latest audit entries, newest first")
    public List<AuditEntry> latest(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000)
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        return store.latest(limit);
    }

    @GetMapping("/verification")
    @Operation(
            summary =
                    "Verify the whole log: hash chain, each entry's signature and the latest signed checkpoint; intact, "
                            + "or what is missing or forged (truncation, deletion, rewrite, forged append)")
    public AuditChain.Verification verify() {
        return store.verify();
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The signed checkpoints (entry count and head hash) kept outside the database, oldest first")
    public List<AuditCheckpoint> checkpoints() {
        return store.checkpoints();
    }
}
