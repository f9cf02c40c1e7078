package org.orderly.server.passengers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.server.audit.AuditTrail;
import org.orderly.server.security.Roles;
import org.orderly.store.passengers.ManifestStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The officer's pages: the manifests the officer's state holds, and one manifest with its travellers and hits. */
@Controller
class ManifestPages {
    private final ManifestStore store;
    private final AuditTrail audit;

    ManifestPages(ManifestStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/manifests")
    String list(Authentication principal, Model model) {
        String state = Roles.party(principal);
        model.addAttribute("state", state);
        model.addAttribute("manifests", state == null ? List.of() : store.held(state));
        return "manifests";
    }

    @GetMapping("/manifests/{id}")
    String manifest(@PathVariable long id, Authentication principal, Model model) {
        String state = Roles.party(principal);
        var summary = store.find(id)
                .filter(s -> s.holder().equals(state))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "manifest " + id + " is not held by your state"));
        audit.record(AuditTrail.Action.MANIFEST_READ, "manifest:" + id, "page; travellers: " + summary.travellers());
        Map<String, List<ManifestStore.StoredHit>> hits = new LinkedHashMap<>();
        for (ManifestStore.StoredHit hit : store.hits(id))
            hits.computeIfAbsent(hit.travellerId(), k -> new java.util.ArrayList<>())
                    .add(hit);
        model.addAttribute("manifest", summary);
        model.addAttribute("travellers", store.travellers(id));
        model.addAttribute("hits", hits);
        return "manifest";
    }
}
