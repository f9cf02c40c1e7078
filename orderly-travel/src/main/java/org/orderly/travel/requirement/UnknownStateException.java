package org.orderly.travel.requirement;

import java.util.List;
import java.util.stream.Collectors;
import org.orderly.regime.State;

/** A travel question named a state Orderly cannot find; carries the field, what was typed and suggestions. */
public final class UnknownStateException extends IllegalArgumentException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String input;
    private final List<State> suggestions;

    public UnknownStateException(String field, String input, List<State> suggestions) {
        super(message(field, input, suggestions));
        this.field = field;
        this.input = input;
        this.suggestions = List.copyOf(suggestions);
    }

    private static String message(String field, String input, List<State> suggestions) {
        String text = field + " '" + input + "' is not a state Orderly knows by that code or name";
        text += suggestions.isEmpty()
                ? "."
                : "; did you mean "
                        + suggestions.stream()
                                .map(s -> s.name() + " (" + s.id() + ")")
                                .collect(Collectors.joining(", "))
                        + "?";
        return text + " Give a name (Côte d'Ivoire), a common name (UK, Ivory Coast) or an ISO 3166 code (GBR, GB).";
    }

    public String field() {
        return field;
    }

    public String input() {
        return input;
    }

    public List<State> suggestions() {
        return suggestions;
    }
}
