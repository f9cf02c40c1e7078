package org.orderly.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One JSON document on standard output, as every {@code --json} option promises. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    static void print(Object value) {
        System.out.println(MAPPER.writeValueAsString(value));
    }
}
