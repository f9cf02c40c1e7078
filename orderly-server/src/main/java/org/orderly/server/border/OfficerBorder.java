package org.orderly.server.border;

import java.util.Locale;
import org.orderly.server.security.Roles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Which border a principal checks at: an officer acting for a state checks at that state's border only. */
final class OfficerBorder {
    private OfficerBorder() {}

    /**
     * The border a principal checks at: a principal that acts for a state checks at that state's border only (naming
     * another is refused); the secretariat, which acts for no state, names the border it checks at.
     *
     * @throws AccessDeniedException when an officer names another state's border
     */
    static String of(Authentication principal, String requested) {
        String own = Roles.party(principal);
        String asked = requested == null || requested.isBlank()
                ? null
                : requested.strip().toUpperCase(Locale.ROOT);
        if (own != null) {
            if (asked != null && !asked.equals(own)) {
                throw new AccessDeniedException(
                        "an officer acting for " + own + " checks at the border of " + own + " only");
            }
            return own;
        }
        return Roles.has(principal, Roles.SECRETARIAT) ? asked : null;
    }

    /**
     * The state whose records a principal reads and writes: the state it acts for. A state's crossings, stays and
     * readmission cases are its own officers' to record and read; the secretariat, which acts for no state, has none.
     *
     * @throws AccessDeniedException when the principal acts for no state
     */
    static String own(Authentication principal) {
        String own = Roles.party(principal);
        if (own == null) {
            throw new AccessDeniedException(
                    "this account acts for no state: crossings, stays and readmission cases are kept by states,"
                            + " and read and written by their own officers");
        }
        return own;
    }
}
