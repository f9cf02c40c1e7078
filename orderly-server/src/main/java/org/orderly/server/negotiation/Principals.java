package org.orderly.server.negotiation;

import org.springframework.security.core.Authentication;
import org.orderly.server.security.Roles;

/** The party a signed-in principal acts for, carried as the authority {@code PARTY_<code>}. */
final class Principals {
    private Principals() {
    }

    /** The party code, or null for anonymous callers and principals that act for no party. */
    static String party(Authentication authentication) {
        return Roles.party(authentication);
    }
}
