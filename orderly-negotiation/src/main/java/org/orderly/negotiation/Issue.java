package org.orderly.negotiation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A question the parties settle together, with its options; the template (absent for abstract
 * issues such as those read from GENIUS domains) says which commitment the chosen option becomes.
 * An {@code integer} issue's options are every whole number from a lower to an upper bound, in
 * order (option id = the number as written); the solver models it as one integer variable.
 */
public record Issue(String id, String title, CommitmentTemplate template, List<Option> options, boolean integer) {
    /** The most options an integer issue may have (its options are held in memory). */
    public static final int MAX_INTEGER_OPTIONS = 1_000_000;

    public Issue(String id, String title, CommitmentTemplate template, List<Option> options) {
        this(id, title, template, options, false);
    }

    /** An integer issue: every whole number from {@code lower} to {@code upper} is an option. */
    public static Issue integers(String id, String title, CommitmentTemplate template, long lower, long upper) {
        if (upper < lower)
            throw new IllegalArgumentException(
                    "issue " + id + ": upper bound " + upper + " is below lower bound " + lower);
        if (upper - lower >= MAX_INTEGER_OPTIONS) {
            throw new IllegalArgumentException(
                    "issue " + id + ": " + lower + ".." + upper + " has more than " + MAX_INTEGER_OPTIONS + " values");
        }
        List<Option> options = new java.util.ArrayList<>((int) (upper - lower + 1));
        for (long v = lower; v <= upper; v++) options.add(Option.of(Long.toString(v), null, v));
        return new Issue(id, title, template, options, true);
    }

    public Issue {
        Objects.requireNonNull(id, "issue id");
        if (id.isBlank()) throw new IllegalArgumentException("issue id is blank");
        title = title == null || title.isBlank() ? id : title;
        if (options == null || options.isEmpty()) throw new IllegalArgumentException("issue " + id + " has no options");
        options = List.copyOf(options);
        var seen = new HashSet<String>();
        for (Option option : options) {
            if (!seen.add(option.id()))
                throw new IllegalArgumentException("issue " + id + " lists option " + option.id() + " twice");
        }
        if (integer) {
            long first =
                    options.get(0).value() == null ? 0 : options.get(0).value().longValueExact();
            for (int k = 0; k < options.size(); k++) {
                Option option = options.get(k);
                if (option.value() == null
                        || option.value().longValueExact() != first + k
                        || !option.id().equals(Long.toString(first + k))) {
                    throw new IllegalArgumentException("integer issue " + id
                            + " must list the whole numbers from its lower bound in order; option " + option.id()
                            + " breaks the run");
                }
            }
        }
    }

    /** The lowest value of an integer issue. */
    public long lowerBound() {
        requireInteger();
        return options.get(0).value().longValueExact();
    }

    /** The highest value of an integer issue. */
    public long upperBound() {
        requireInteger();
        return options.get(options.size() - 1).value().longValueExact();
    }

    private void requireInteger() {
        if (!integer) throw new IllegalStateException("issue " + id + " is not an integer issue");
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
