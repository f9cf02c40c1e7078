package org.orderly.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
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

    /**
     * A document on standard output written piece by piece as its parts come (a command that streams results), through
     * Jackson's generator: what it writes is JSON whatever the values hold. Closing it ends the document, not the output.
     */
    static JsonGenerator stream() {
        OutputStream out = new FilterOutputStream(System.out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                this.out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return MAPPER.createGenerator(out);
    }

    static void print(Object value) {
        System.out.println(MAPPER.writeValueAsString(value));
    }
}
