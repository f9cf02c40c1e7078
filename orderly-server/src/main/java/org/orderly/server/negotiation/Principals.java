package org.orderly.server.negotiation;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The party a signed-in principal acts for, carried as the authority {@code PARTY_<code>}. */
public final class Principals {
    private static final String PREFIX = "PARTY_";

    private Principals() {
    }

    /** The party code, or null for anonymous callers and principals that act for no party. */
    public static String party(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) return null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PREFIX)) return name.substring(PREFIX.length());
        }
        return null;
    }
}
