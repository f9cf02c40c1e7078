package org.orderly.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.orderly.exchange.audit.AuditChain;
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
        if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        return store.latest(limit);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the whole hash chain: intact, or the first entry that was changed, removed or reordered")
    public AuditChain.Verification verify() {
        return store.verify();
    }
}
