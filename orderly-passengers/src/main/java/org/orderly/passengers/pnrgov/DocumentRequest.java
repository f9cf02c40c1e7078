package org.orderly.passengers.pnrgov;

import java.time.LocalDate;
import java.util.Locale;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactDates.Century;
import org.orderly.passengers.edifact.Values;

/**
 * The free text of an SSR DOCS (travel document) request, slash-separated:
 * {@code /type/issuing state/number/nationality/birth date/sex/expiry/surname/given/middle/holder},
 * where the sex is M, F, MI or FI (an infant), U or X; any field may be empty.
 */
record DocumentRequest(
        String type,
        String issuingState,
        String number,
        String nationality,
        LocalDate birthDate,
        String sex,
        boolean infant,
        LocalDate expiry,
        String surname,
        String givenNames) {

    static DocumentRequest parse(String text, LocalDate reference) {
        String t = text.strip();
        if (t.startsWith("/")) t = t.substring(1);
        String[] f = t.split("/", -1);
        String sex = field(f, 5);
        boolean infant = sex != null && (sex.equals("MI") || sex.equals("FI"));
        String given = joined(f, 8, 10);
        return new DocumentRequest(
                field(f, 0),
                field(f, 1),
                field(f, 2),
                field(f, 3),
                EdifactDates.dayMonthNameYear(nullToEmpty(field(f, 4)), Century.PAST, reference),
                sex == null ? null : infant ? sex.substring(0, 1) : sex,
                infant,
                EdifactDates.dayMonthNameYear(nullToEmpty(field(f, 6)), Century.NEAR, reference),
                field(f, 7),
                given);
    }

    boolean named() {
        return surname != null;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? Values.orNull(f[i].toUpperCase(Locale.ROOT)) : null;
    }

    private static String joined(String[] f, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(to, f.length); i++) {
            String v = Values.orNull(f[i]);
            if (v != null) b.append(b.isEmpty() ? "" : " ").append(v);
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
