package org.orderly.negotiation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A complete package: for every issue of a negotiation, the option chosen. */
public record Deal(Map<String, String> choices) {
    public Deal {
        Objects.requireNonNull(choices, "deal choices");
        choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    /** The option chosen on an issue; fails if the deal does not settle the issue. */
    public String option(String issueId) {
        String option = choices.get(issueId);
        if (option == null) throw new IllegalArgumentException("the deal does not settle issue " + issueId);
        return option;
    }

    /** The deal that makes no commitment at all: every issue at its "none" option, where it has one. */
    public static Deal noDeal(Negotiation negotiation) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Issue issue : negotiation.issues()) {
            map.put(
                    issue.id(),
                    issue.noneOption().orElse(issue.options().get(0)).id());
        }
        return new Deal(map);
    }
}
