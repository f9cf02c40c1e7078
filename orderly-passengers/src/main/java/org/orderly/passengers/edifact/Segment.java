package org.orderly.passengers.edifact;

import java.nio.charset.StandardCharsets;

/**
 * One segment with its release characters and line breaks removed: element 0 is the tag, and each
 * element holds one or more components. Values are decoded only when asked for; an absent element or
 * component reads as the empty string.
 */
public final class Segment {
    private final int number;
    private final int line;
    private final String tag;
    private final byte[] data;
    private final int[] bounds;
    private final int[] elementStarts;

    Segment(int number, int line, String tag, byte[] data, int[] bounds, int[] elementStarts) {
        this.number = number;
        this.line = line;
        this.tag = tag;
        this.data = data;
        this.bounds = bounds;
        this.elementStarts = elementStarts;
    }

    /** The segment's number, counted from 1 at the first segment of the interchange (UNA included). */
    public int number() {
        return number;
    }

    /** The line on which the segment starts. */
    public int line() {
        return line;
    }

    public String tag() {
        return tag;
    }

    /** The number of elements, the tag included. */
    public int elements() {
        return elementStarts.length - 1;
    }

    /** The number of components of an element (0 when the element is absent). */
    public int components(int element) {
        return element < 0 || element >= elements() ? 0 : elementStarts[element + 1] - elementStarts[element];
    }

    /** The component's value, or "" when it is absent. */
    public String value(int element, int component) {
        if (component < 0 || component >= components(element)) return "";
        int c = elementStarts[element] + component;
        int start = bounds[2 * c];
        int end = bounds[2 * c + 1];
        return start == end ? "" : new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    /** The first component of an element. */
    public String value(int element) {
        return value(element, 0);
    }

    /** Whether the component has a non-empty value. */
    public boolean has(int element, int component) {
        if (component < 0 || component >= components(element)) return false;
        int c = elementStarts[element] + component;
        return bounds[2 * c + 1] > bounds[2 * c];
    }

    /** The segment written with the default separators (for messages and tests). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int e = 0; e < elements(); e++) {
            if (e > 0) text.append('+');
            for (int c = 0; c < components(e); c++) {
                if (c > 0) text.append(':');
                text.append(value(e, c));
            }
        }
        return text.append('\'').toString();
    }

    /** Where the segment is, as warnings and errors write it. */
    public String where() {
        return Where.of(number, tag, line);
    }

    /** A warning about this segment. */
    public Warning warning(String message) {
        return new Warning(number, tag, line, message);
    }

    /** An error about this segment. */
    public EdifactException error(String problem) {
        return new EdifactException(number, tag, line, problem);
    }

    @Override
    public String toString() {
        return text();
    }
}
