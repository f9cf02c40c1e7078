package org.orderly.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles of Orderly's principals and the party each acts for (the authority {@code PARTY_<code>}). */
public final class Roles {
    /** The role that may change the registry, run imports and read the audit log. */
    public static final String SECRETARIAT = "SECRETARIAT";
    /** A party's negotiators: they enter and read their party's valuation and answer proposals. */
    public static final String NEGOTIATOR = "NEGOTIATOR";
    /** Border officers: document checks, screening and border checks at their own state's border. */
    public static final String BORDER = "BORDER";
    /** Operations: reads the server's metrics. */
    public static final String OPERATOR = "OPERATOR";
    /** A state's immigration authority: allocates the quotas of its own legal channels and reads their allocations. */
    public static final String IMMIGRATION = "IMMIGRATION";
    /** The role of carriers' systems that send passenger messages. */
    public static final String CARRIER = "CARRIER";

    private static final String PARTY_PREFIX = "PARTY_";

    private Roles() {}

    /** The authority that says a principal acts for {@code party}. */
    public static String partyAuthority(String party) {
        return PARTY_PREFIX + party;
    }

    /** The party a signed-in principal acts for, or null for anonymous callers and principals that act for no party. */
    public static String party(Authentication principal) {
        if (principal == null || !principal.isAuthenticated()) return null;
        for (GrantedAuthority authority : principal.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PARTY_PREFIX)) return name.substring(PARTY_PREFIX.length());
        }
        return null;
    }

    /** Whether the principal holds the role (without its {@code ROLE_} prefix). */
    public static boolean has(Authentication principal, String role) {
        if (principal == null || !principal.isAuthenticated()) return false;
        return principal.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
