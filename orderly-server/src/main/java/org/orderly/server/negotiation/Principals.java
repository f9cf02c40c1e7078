package org.orderly.server.negotiation;

import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.server.security.Roles;
import org.springframework.security.core.Authentication;

/** The party a signed-in principal acts for, carried as the authority {@code PARTY_<code>}. */
final class Principals {
    private Principals() {}

    /** The party code, or null for anonymous callers and principals that act for no party. */
    static String party(Authentication authentication) {
        return Roles.party(authentication);
    }

    /** The principal as the negotiation's proceedings see it: its name, its party, and whether it acts as the secretariat. */
    static Proceedings.Actor actor(Authentication authentication) {
        if (authentication == null) throw new ForbiddenException("sign in to act in a negotiation");
        return new Proceedings.Actor(
                authentication.getName(), Roles.party(authentication), Roles.has(authentication, Roles.SECRETARIAT));
    }
}
