package org.orderly.passengers.edifact;

/** The one way a position in an interchange is written: {@code segment 12 (NAD), line 4}. */
final class Where {
    private Where() {}

    static String of(int segment, String tag, int line) {
        return "segment " + segment + (tag == null || tag.isEmpty() ? "" : " (" + tag + ")")
                + (line > 0 ? ", line " + line : "");
    }
}
