package org.orderly.server.border;

import java.util.NoSuchElementException;
import org.orderly.server.negotiation.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The readmission cases page: open a request, answer one, see deadlines and breaches; the same rules as {@link ReadmissionApi}. */
@Controller
class ReadmissionPage {
    private final ReadmissionApi api;

    ReadmissionPage(ReadmissionApi api) {
        this.api = api;
    }

    @GetMapping("/border/readmission")
    String page(Authentication principal, Model model) {
        model.addAttribute("cases", api.list(false));
        model.addAttribute("party", BorderApi.party(principal));
        model.addAttribute("error", null);
        return "border-readmission";
    }

    @PostMapping("/border/readmission")
    String open(@RequestParam(defaultValue = "") String requested, @RequestParam(defaultValue = "") String personReference,
                @RequestParam(defaultValue = "") String nationality, Authentication principal, Model model) {
        try {
            api.open(new ReadmissionApi.CaseRequest(null, null, requested, personReference, nationality.isBlank() ? null : nationality, null), principal);
        } catch (IllegalArgumentException e) {
            return withError(principal, model, e.getMessage());
        }
        return "redirect:/border/readmission";
    }

    @PostMapping("/border/readmission/{id}/answers")
    String answer(@PathVariable String id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String reason,
                  Authentication principal, Model model) {
        try {
            api.answer(id, new ReadmissionApi.AnswerRequest(kind, reason.isBlank() ? null : reason, null), principal);
        } catch (IllegalArgumentException | ForbiddenException | NoSuchElementException e) {
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
