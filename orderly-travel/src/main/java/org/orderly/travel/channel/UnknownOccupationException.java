package org.orderly.travel.channel;

import java.util.List;

/** The words for an occupation reached no ESCO label; carries the closest labels as suggestions. */
public final class UnknownOccupationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> suggestions;

    public UnknownOccupationException(String words, List<String> suggestions) {
        super("occupation '" + (words.length() > 40 ? words.substring(0, 40) + "…" : words)
                + "' is not an ESCO occupation label"
                + (suggestions.isEmpty()
                        ? "; try other words for it"
                        : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.suggestions = List.copyOf(suggestions);
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
