package org.orderly.regime.channel;

import java.util.Set;
import java.util.regex.Pattern;

/** ISCO-08 codes at any level of the hierarchy: 1 digit (major group) to 4 digits (unit group). */
public final class Occupations {
    private static final Pattern CODE = Pattern.compile("[0-9]{1,4}");

    private Occupations() {}

    /** The code, checked: 1 to 4 digits. */
    public static String code(String code) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw new IllegalArgumentException(
                    "ISCO-08 code '" + code + "' must be 1 to 4 digits (major group to unit group)");
        }
        return code.strip();
    }

    /** Whether the unit group (or any code) lies within one of the groups: a group contains every code that starts with it. */
    public static boolean within(String code, Set<String> groups) {
        for (String group : groups) {
            if (code.startsWith(group)) return true;
        }
        return false;
    }
}
