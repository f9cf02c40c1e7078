package org.orderly.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page, and the account page where a signed-in person sees who they act for and manages access tokens. */
@Controller
class SignInPages {
    private final AccessTokenStore tokens;

    SignInPages(AccessTokenStore tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        model.addAttribute("next", SecurityConfiguration.safeNext(request));
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("throttled", request.getParameter("throttled") != null);
        model.addAttribute("signedOut", request.getParameter("signedout") != null);
        return "signin";
    }

    @GetMapping("/account")
    String account(Authentication principal, Model model) {
        model.addAttribute("tokens", tokens.of(principal.getName()));
        if (!model.containsAttribute("issued")) model.addAttribute("issued", null);
        if (!model.containsAttribute("error")) model.addAttribute("error", null);
        return "account";
    }

    /** Issues a token and shows it once: after the redirect a reload cannot issue another or show it again. */
    @PostMapping("/account/tokens")
    String issue(@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "90") int days,
                 Authentication principal, RedirectAttributes next) {
        try {
            next.addFlashAttribute("issued", tokens.issue(principal.getName(), AccessTokenApi.label(label), AccessTokenApi.lifetime(days)));
        } catch (IllegalArgumentException e) {
            next.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/revoke")
    String revoke(@RequestParam long id, Authentication principal) {
        tokens.revoke(principal.getName(), id);
        return "redirect:/account";
    }
}
