package org.orderly.passengers.pnrgov;

import java.time.LocalDate;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactDates.Century;
import org.orderly.passengers.edifact.Values;

/**
 * The free text of an SSR DOCO (other travel document, usually a visa), slash-separated:
 * {@code /place of birth/type/number/place of issue/issue date/state for which valid}.
 */
record VisaRequest(String type, String number, String placeOfIssue, LocalDate issued, String validFor) {

    static VisaRequest parse(String text, LocalDate reference) {
        String t = text.strip();
        if (t.startsWith("/")) t = t.substring(1);
        String[] f = t.split("/", -1);
        return new VisaRequest(
                field(f, 1),
                field(f, 2),
                field(f, 3),
                EdifactDates.dayMonthNameYear(f.length > 4 ? f[4] : "", Century.PAST, reference),
                field(f, 5));
    }

    private static String field(String[] f, int i) {
        return i < f.length ? Values.orNull(f[i]) : null;
    }
}
