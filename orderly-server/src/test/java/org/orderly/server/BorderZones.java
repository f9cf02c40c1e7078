package org.orderly.server;

import org.orderly.travel.document.mrz.CheckDigit;

/** Invented TD3 passport zones for the border tests, every check digit computed by the project's {@link CheckDigit}. */
final class BorderZones {
    private BorderZones() {}

    static String[] passport(
            String state, String surname, String given, String number, String birth, String sex, String expiry) {
        String line1 = pad("P<" + state + surname + "<<" + given.replace(' ', '<'), 44);
        String documentPart = pad(number, 9) + CheckDigit.of(pad(number, 9));
        String birthPart = birth + CheckDigit.of(birth);
        String expiryPart = expiry + CheckDigit.of(expiry);
        String optionalPart = pad("", 14) + CheckDigit.of(pad("", 14));
        char composite = CheckDigit.of(documentPart + birthPart + expiryPart + optionalPart);
        return new String[] {line1, documentPart + state + birthPart + sex + expiryPart + optionalPart + composite};
    }

    static String pad(String text, int width) {
        return text + "<".repeat(width - text.length());
    }

    /** The zone as the JSON body {"lines":[…]} with optional extra members (already JSON, e.g. "\"border\":\"JPN\""). */
    static String body(String[] zone, String... members) {
        StringBuilder json = new StringBuilder("{\"lines\":[\"")
                .append(zone[0])
                .append("\",\"")
                .append(zone[1])
                .append("\"]");
        for (String member : members) json.append(',').append(member);
        return json.append('}').toString();
    }
}
