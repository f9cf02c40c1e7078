package org.orderly.screening.compare;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** Reads a nationality given as ISO 3166-1 alpha-3, alpha-2 or an English country name, and returns alpha-3. */
public final class Nationality {
    private static final Map<String, String> BY_NAME_OR_CODE = build();

    private Nationality() {}

    /** The alpha-3 code, or null when the text is blank or not recognised (an unknown nationality is no evidence). */
    public static String alpha3(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        String known = BY_NAME_OR_CODE.get(key);
        if (known != null) {
            return known;
        }
        // ICAO 9303 codes that are not ISO countries (D for Germany, XXA stateless, UNO…) stand for themselves.
        return key.length() == 3 && key.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? key : null;
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale country = new Locale("", alpha2);
            try {
                String alpha3 = country.getISO3Country();
                map.put(alpha2, alpha3);
                map.put(alpha3, alpha3);
                map.put(country.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT), alpha3);
            } catch (MissingResourceException e) {
                // A code without an alpha-3 equivalent cannot be compared.
            }
        }
        map.put("D", "DEU");
        return Map.copyOf(map);
    }
}
