package org.orderly.passengers.edifact;

/** Something the reader tolerated, by segment number (counted from the first segment of the interchange), tag and line. */
public record Warning(int segment, String tag, int line, String message) {

    @Override
    public String toString() {
        return Where.of(segment, tag, line) + ": " + message;
    }
}
