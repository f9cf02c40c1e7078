package org.orderly.regime.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.orderly.regime.Purpose;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.VisaAuthority;

/**
 * Reads {@code visa-authorities.csv}: who decides entry under an instrument, where to apply, and the source; and, in the same
 * columns, {@code airport-transit.csv}: what an instrument requires of a traveller who changes planes in a destination's
 * airport without crossing its border (the Visa Code's airport transit visa).
 */
public final class VisaAuthorities {
    static final String FILE = "visa-authorities.csv";
    static final String AIRPORT_TRANSIT_FILE = "airport-transit.csv";
    private static final List<String> HEADER = List.of(
            "instrument",
            "destinations",
            "nationalities",
            "from",
            "until",
            "purposes",
            "categories",
            "decision",
            "apply_at",
            "source_title",
            "source_reference",
            "as_of");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private VisaAuthorities() {}

    /**
     * The authorities shipped on the class path. A row whose instrument a registry lacks never
     * applies in it; the shipped rows name instruments of the shipped reference data (tested).
     */
    public static List<VisaAuthority> load() {
        return load(FILE);
    }

    /**
     * The shipped rules for airport transit, first match first: who must hold an airport transit visa to pass through the
     * international transit area of a destination's airport, and for everyone else what the instrument says instead.
     */
    public static List<VisaAuthority> loadAirportTransit() {
        return load(AIRPORT_TRANSIT_FILE);
    }

    private static List<VisaAuthority> load(String file) {
        try (InputStream in = VisaAuthorities.class.getResourceAsStream(file)) {
            if (in == null)
                throw new ReferenceDataException(
                        file, 0, "not found on the class path next to " + VisaAuthorities.class.getName());
            return read(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReferenceDataException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Set<String> codes(ReferenceFile.Row row, String column) {
        Set<String> codes = new java.util.TreeSet<>();
        for (String code : row.list(column)) {
            if (!org.orderly.regime.State.isCode(code))
                throw row.error(column, column + " names '" + code + "', which is no alpha-3 state code");
            codes.add(code);
        }
        return codes;
    }

    static List<VisaAuthority> read(String text) {
        return read(FILE, text);
    }

    static List<VisaAuthority> read(String file, String text) {
        List<VisaAuthority> authorities = new ArrayList<>();
        for (ReferenceFile.Row row : ReferenceFile.read(file, text, HEADER)) {
            String instrument = row.required("instrument");
            if (!IDENTIFIER.matcher(instrument).matches())
                throw row.error("instrument '" + instrument + "' is not an instrument id");
            Set<Purpose> purposes = Set.copyOf(row.list("purposes").stream()
                    .map(p -> row.choice("purposes", p, Purpose.class))
                    .toList());
            Set<TravelCategory> categories = Set.copyOf(row.list("categories").stream()
                    .map(c -> row.choice("categories", c, TravelCategory.class))
                    .toList());
            if (purposes.isEmpty()) throw row.error("purposes is empty");
            if (categories.isEmpty()) throw row.error("categories is empty");
            Set<String> destinations = codes(row, "destinations");
            Set<String> nationalities = codes(row, "nationalities");
            authorities.add(ReferenceData.build(
                    row,
                    () -> new VisaAuthority(
                            instrument,
                            destinations,
                            nationalities,
                            row.optionalDate("from"),
                            row.optionalDate("until"),
                            purposes,
                            categories,
                            row.required("decision"),
                            row.required("apply_at"),
                            row.source())));
        }
        return List.copyOf(authorities);
    }
}
