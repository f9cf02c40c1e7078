package org.orderly.server.security;

import java.util.List;
import org.orderly.regime.Party;
import org.orderly.server.regime.RegimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for the navigation of every page: "signed in as … for …" with a sign-out button, or a sign-in link.
 *
 * @param name  the account
 * @param party the party's code, or null
 * @param partyName the party's name, or null
 * @param roles the roles, in words
 */
public record SignedIn(String name, String party, String partyName, List<String> roles) {

    /** Adds {@code signedIn} (null when anonymous) and {@code apiDocs} to the model of every page. */
    @ControllerAdvice(annotations = Controller.class)
    static class Advice {
        private final RegimeService regime;
        private final boolean apiDocs;

        Advice(RegimeService regime, @Value("${orderly.api-docs.enabled:false}") boolean apiDocs) {
            this.regime = regime;
            this.apiDocs = apiDocs;
        }

        @ModelAttribute("signedIn")
        SignedIn signedIn(Authentication principal) {
            if (principal == null || principal instanceof AnonymousAuthenticationToken || !principal.isAuthenticated())
                return null;
            String party = Roles.party(principal);
            String partyName = party == null
                    ? null
                    : regime.registry().party(party).map(Party::name).orElse(party);
            List<String> roles = principal.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring(5).toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .toList();
            return new SignedIn(principal.getName(), party, partyName, roles);
        }

        @ModelAttribute("apiDocs")
        boolean apiDocs() {
            return apiDocs;
        }
    }
}
