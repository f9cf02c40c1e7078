package org.orderly.passengers.edifact;

/** The small readings every message parser makes of a component's text. */
public final class Values {
    private Values() {}

    /** The stripped text, or null when blank. */
    public static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the text is a count: digits only, at most nine. */
    public static boolean isCount(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) return false;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }
}
