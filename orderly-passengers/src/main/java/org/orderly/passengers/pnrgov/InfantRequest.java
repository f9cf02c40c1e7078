package org.orderly.passengers.pnrgov;

import java.time.LocalDate;
import org.orderly.passengers.edifact.EdifactDates;
import org.orderly.passengers.edifact.EdifactDates.Century;
import org.orderly.passengers.edifact.Values;

/**
 * The free text of an SSR INFT (an infant on an adult's lap): {@code SURNAME/GIVEN NAMES} and a birth
 * date {@code DDMMMYY}, after a slash or a space, as carriers write it.
 */
final class InfantRequest {
    private InfantRequest() {}

    static DocumentRequest parse(String text, LocalDate reference) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) return new DocumentRequest(null, null, null, null, null, null, true, null, null, null);
        String surname = Values.orNull(t.substring(0, slash));
        String rest = t.substring(slash + 1).replace('/', ' ').strip();
        LocalDate birth = null;
        int space = rest.lastIndexOf(' ');
        if (space > 0) {
            birth = EdifactDates.dayMonthNameYear(rest.substring(space + 1), Century.PAST, reference);
            if (birth != null) rest = rest.substring(0, space).strip();
        }
        return new DocumentRequest(null, null, null, null, birth, null, true, null, surname, Values.orNull(rest));
    }
}
