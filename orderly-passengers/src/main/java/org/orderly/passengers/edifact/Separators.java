package org.orderly.passengers.edifact;

/**
 * The service characters of an interchange, as the UNA service string advice declares them (or the
 * defaults of ISO 9735 when there is none). {@code release} is -1 when the interchange has no release character.
 */
public record Separators(byte component, byte element, byte decimal, int release, byte terminator) {
    /** ISO 9735's defaults: {@code :} {@code +} {@code .} {@code ?} and {@code '}. */
    public static final Separators DEFAULT = new Separators((byte) ':', (byte) '+', (byte) '.', '?', (byte) '\'');

    public Separators {
        if (component == element
                || component == terminator
                || element == terminator
                || release == component
                || release == element
                || release == terminator) {
            throw new IllegalArgumentException("the component separator, element separator, release character and "
                    + "segment terminator must all differ: " + show(component) + " " + show(element) + " "
                    + (release < 0 ? "none" : show((byte) release)) + " " + show(terminator));
        }
    }

    /** How a warning shows one service character. */
    public static String show(byte b) {
        int c = b & 0xff;
        if (c == '\n') return "'\\n' (line feed)";
        if (c == '\r') return "'\\r' (carriage return)";
        if (c < 0x20 || c >= 0x7f) return String.format("byte 0x%02X", c);
        return "'" + (char) c + "'";
    }

    /** A one-line description: element, component, release, terminator. */
    public String describe() {
        return "element " + show(element) + ", component " + show(component) + ", release "
                + (release < 0 ? "none" : show((byte) release)) + ", segment terminator " + show(terminator);
    }
}
