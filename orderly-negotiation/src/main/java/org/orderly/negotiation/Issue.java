package org.orderly.negotiation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question the parties settle together, with its options; the template (absent for abstract
 * issues such as those read from GENIUS domains) says which commitment the chosen option becomes.
 */
public record Issue(String id, String title, CommitmentTemplate template, List<Option> options) {
    public Issue {
        Objects.requireNonNull(id, "issue id");
        if (id.isBlank()) throw new IllegalArgumentException("issue id is blank");
        title = title == null || title.isBlank() ? id : title;
        if (options == null || options.isEmpty()) throw new IllegalArgumentException("issue " + id + " has no options");
        options = List.copyOf(options);
        var seen = new HashSet<String>();
        for (Option option : options) {
            if (!seen.add(option.id())) throw new IllegalArgumentException("issue " + id + " lists option " + option.id() + " twice");
        }
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** The position of an option in {@link #options()}, or -1. */
    public int indexOf(String optionId) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).id().equals(optionId)) return i;
        }
        return -1;
    }

    /** The "no commitment" option, if the issue has one. */
    public Optional<Option> noneOption() {
        return options.stream().filter(Option::isNone).findFirst();
    }
}
