package org.orderly.border.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pasted zone made readable before it is read: lower-case letters taken as capitals, and a zone pasted as one line
 * (its line breaks lost) cut into its lines when its length is that of a known format. Each change is a note the
 * officer sees; nothing else is altered, so that the check digits still judge the zone.
 */
public record ZoneText(String text, List<String> notes) {

    /** Lengths of whole zones on one line: TD1 (3 × 30), TD3 and MRV-A (2 × 44), TD2 and MRV-B (2 × 36). */
    private static final int[][] FORMATS = {{3, 30}, {2, 44}, {2, 36}};

    public ZoneText {
        notes = List.copyOf(notes);
    }

    public static ZoneText of(String pasted) {
        if (pasted == null) return new ZoneText(null, List.of());
        List<String> notes = new ArrayList<>();
        String text = pasted;
        if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            text = text.toUpperCase(Locale.ROOT);
            notes.add("lower-case letters were read as capitals (a zone is printed in capitals only)");
        }
        String stripped = text.strip();
        if (!stripped.contains("\n") && !stripped.contains("\r")) {
            String joined = stripped.replace(" ", "");
            for (int[] format : FORMATS) {
                if (joined.length() == format[0] * format[1]) {
                    StringBuilder lines = new StringBuilder();
                    for (int i = 0; i < format[0]; i++) {
                        if (i > 0) lines.append('\n');
                        lines.append(joined, i * format[1], (i + 1) * format[1]);
                    }
                    text = lines.toString();
                    notes.add("the zone was pasted as one line of " + joined.length() + " characters and read as "
                            + format[0] + " lines of " + format[1]
                            + (joined.length() == stripped.length() ? "" : " (spaces removed)"));
                    break;
                }
            }
        }
        return new ZoneText(text, notes);
    }
}
