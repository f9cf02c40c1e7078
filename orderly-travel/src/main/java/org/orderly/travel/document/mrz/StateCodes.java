package org.orderly.travel.document.mrz;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** The default set of state codes a zone may carry: ISO 3166-1 alpha-3 plus the Doc 9303 special codes. */
public final class StateCodes {

    /** Doc 9303 codes that are not ISO 3166 countries: Germany's D, UN and EU documents, stateless and refugee holders, organisations. */
    public static final Set<String> ICAO_SPECIAL = Set.of(
            "D", "EUE", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX", "XOM", "XPO", "XBA", "XIM", "XCC", "XCE",
            "XCO", "XEC", "XES", "XMP", "XDC", "RKS", "GBD", "GBN", "GBO", "GBP", "GBS");

    /**
     * The code of Utopia, the invented state of the specimen documents in ICAO Doc 9303 (Part 3 and the examples of
     * Parts 4 to 7): a zone that carries it is a specimen, never a state's document.
     */
    public static final String SPECIMEN = "UTO";

    private static final Set<String> DEFAULT;

    static {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.addAll(ICAO_SPECIAL);
        DEFAULT = Set.copyOf(codes);
    }

    private StateCodes() {}

    /** ISO 3166-1 alpha-3 codes known to this JDK plus {@link #ICAO_SPECIAL}. */
    public static Set<String> defaults() {
        return DEFAULT;
    }

    /** The default codes as a predicate, for {@link MrzReader#withKnownStates(Predicate)}. */
    public static Predicate<String> known() {
        return DEFAULT::contains;
    }
}
