package org.orderly.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page, and the account page where a signed-in person sees who they act for and manages access tokens. */
@Controller
class SignInPages {
    private final AccessTokenStore tokens;
    private final PasswordConfirmation passwords;
    private final java.time.Clock clock;

    SignInPages(AccessTokenStore tokens, PasswordConfirmation passwords, java.time.Clock clock) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        model.addAttribute("next", SecurityConfiguration.safeNext(request));
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("throttled", request.getParameter("throttled") != null);
        model.addAttribute("signedOut", request.getParameter("signedout") != null);
        model.addAttribute("expired", request.getParameter("expired") != null);
        return "signin";
    }

    @GetMapping("/account")
    String account(Authentication principal, Model model) {
        model.addAttribute("tokens", tokens.of(principal.getName()));
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("issued")) model.addAttribute("issued", null);
        if (!model.containsAttribute("error")) model.addAttribute("error", null);
        if (!model.containsAttribute("notice")) model.addAttribute("notice", null);
        return "account";
    }

    /**
     * Issues a token once the password is given again, and shows it once: after the redirect a reload cannot issue
     * another or show it again.
     */
    @PostMapping("/account/tokens")
    String issue(
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "90") int days,
            @RequestParam(defaultValue = "") String password,
            Authentication principal,
            HttpServletRequest request,
            RedirectAttributes next) {
        try {
            String checkedLabel = AccessTokenApi.label(label);
            java.time.Duration lifetime = AccessTokenApi.lifetime(days);
            passwords.confirm(principal, password, request);
            next.addFlashAttribute("issued", tokens.issue(principal.getName(), checkedLabel, lifetime));
        } catch (IllegalArgumentException e) {
            next.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            next.addFlashAttribute("error", "No token issued: " + e.getReason() + ".");
        }
        return "redirect:/account";
    }

    /** Revokes every active token of the account, e.g. after one was copied where it should not be. */
    @PostMapping("/account/tokens/revoke-all")
    String revokeAll(Authentication principal, RedirectAttributes next) {
        int revoked = tokens.revokeAll(principal.getName());
        next.addFlashAttribute("notice", revoked == 1 ? "1 token revoked." : revoked + " tokens revoked.");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/revoke")
    String revoke(@RequestParam long id, Authentication principal) {
        tokens.revoke(principal.getName(), id);
        return "redirect:/account";
    }
}
