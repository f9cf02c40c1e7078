package org.orderly.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One JSON document on standard output, as every {@code --json} option promises. */
final class Json {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    /** The value as JSON text (indented), for a command that writes one document piece by piece. */
    static String text(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static void print(Object value) {
        System.out.println(MAPPER.writeValueAsString(value));
    }
}
