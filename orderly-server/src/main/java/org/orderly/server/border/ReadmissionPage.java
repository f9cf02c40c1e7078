package org.orderly.server.border;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The readmission cases page: open a request, answer one, see deadlines and breaches, for the state the officer acts
 * for; the same rules as {@link ReadmissionApi} (a case of other states is not found, an answer by the requesting state
 * is refused).
 */
@Controller
class ReadmissionPage {
    private final ReadmissionApi api;

    ReadmissionPage(ReadmissionApi api) {
        this.api = api;
    }

    @GetMapping("/border/readmission")
    String page(Authentication principal, Model model) {
        model.addAttribute("cases", api.list(false, principal));
        model.addAttribute("party", BorderApi.party(principal));
        model.addAttribute("error", null);
        return "border-readmission";
    }

    @PostMapping("/border/readmission")
    String open(
            @RequestParam(defaultValue = "") String requested,
            @RequestParam(defaultValue = "") String personReference,
            @RequestParam(defaultValue = "") String nationality,
            Authentication principal,
            Model model) {
        try {
            api.open(
                    new ReadmissionApi.CaseRequest(
                            null, null, requested, personReference, nationality.isBlank() ? null : nationality, null),
                    principal);
        } catch (IllegalArgumentException e) {
            return withError(principal, model, e.getMessage());
        }
        return "redirect:/border/readmission";
    }

    @PostMapping("/border/readmission/{id}/answers")
    String answer(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String reason,
            Authentication principal,
            Model model) {
        try {
            api.answer(id, new ReadmissionApi.AnswerRequest(kind, reason.isBlank() ? null : reason, null), principal);
        } catch (IllegalArgumentException e) {
            // Not allowed (403) and not found (404) are answered as such; only a bad answer is shown on the page.
            return withError(principal, model, e.getMessage());
        }
        return "redirect:/border/readmission";
    }

    private String withError(Authentication principal, Model model, String message) {
        page(principal, model);
        model.addAttribute("error", message);
        return "border-readmission";
    }
}
