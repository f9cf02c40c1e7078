package org.orderly.monitoring.visa;

import java.util.Locale;
import java.util.Objects;

/**
 * One cell of a visa matrix in the Passport Index tidy format, as written ({@code 90}, {@code visa free},
 * {@code e-visa}, {@code covid ban}, {@code -1}…) and as a kind. The kinds are ordered from the most to the least open,
 * the order in which the dataset itself ranks them.
 */
public record VisaRequirement(String text, Kind kind, Integer days) {

    /** What a holder of the passport needs, from the most to the least open. */
    public enum Kind {
        OWN_COUNTRY("own country"),
        VISA_FREE("visa free"),
        VISA_ON_ARRIVAL("visa on arrival"),
        ELECTRONIC_TRAVEL_AUTHORISATION("electronic travel authorisation"),
        E_VISA("e-visa"),
        VISA_REQUIRED("visa required"),
        COVID_BAN("temporary entry ban (COVID-19)"),
        NO_ADMISSION("no admission");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind in plain words. */
        public String label() {
            return label;
        }

        /**
         * True when, under the state's ordinary policy, the traveller needs a visa applied for before travel, or may not
         * enter at all. A COVID-19 ban is a temporary measure, not ordinary policy: see {@link #temporary()}.
         */
        public boolean needsVisaOrBarred() {
            return this == E_VISA || this == VISA_REQUIRED || this == NO_ADMISSION;
        }

        /** Whether this is a temporary measure (a COVID-19 ban), which no indicator of ordinary policy counts. */
        public boolean temporary() {
            return this == COVID_BAN;
        }
    }

    public VisaRequirement {
        Objects.requireNonNull(text, "requirement text");
        Objects.requireNonNull(kind, "requirement kind");
        if (days != null && (kind != Kind.VISA_FREE || days <= 0)) {
            throw new IllegalArgumentException("days are given only for a visa-free stay, and must be positive");
        }
    }

    /**
     * Reads a cell.
     *
     * @throws IllegalArgumentException naming the text and the values the format has
     */
    public static VisaRequirement parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "-1":
                return new VisaRequirement(value, Kind.OWN_COUNTRY, null);
            case "visa free":
                return new VisaRequirement(value, Kind.VISA_FREE, null);
            case "visa on arrival":
                return new VisaRequirement(value, Kind.VISA_ON_ARRIVAL, null);
            case "eta":
                return new VisaRequirement(value, Kind.ELECTRONIC_TRAVEL_AUTHORISATION, null);
            case "e-visa":
                return new VisaRequirement(value, Kind.E_VISA, null);
            case "visa required":
                return new VisaRequirement(value, Kind.VISA_REQUIRED, null);
            case "covid ban":
                return new VisaRequirement(value, Kind.COVID_BAN, null);
            case "no admission":
                return new VisaRequirement(value, Kind.NO_ADMISSION, null);
            default:
                if (value.matches("[0-9]{1,4}") && Integer.parseInt(value) > 0) {
                    return new VisaRequirement(value, Kind.VISA_FREE, Integer.parseInt(value));
                }
                throw new IllegalArgumentException(
                        "unknown requirement '" + text + "' (expected a number of visa-free days, -1, "
                                + "visa free, visa on arrival, eta, e-visa, visa required, covid ban or no admission)");
        }
    }

    /**
     * The travel category a cell stands for: the one mapping from the matrix's words to the registry's categories, so
     * that an entry policy stored from a cell reads back as the same cell ({@link #of} is its inverse).
     */
    public org.orderly.regime.TravelCategory category() {
        return switch (kind) {
            case OWN_COUNTRY -> org.orderly.regime.TravelCategory.OWN_COUNTRY;
            case VISA_FREE -> org.orderly.regime.TravelCategory.VISA_FREE;
            case VISA_ON_ARRIVAL -> org.orderly.regime.TravelCategory.VISA_ON_ARRIVAL;
            case ELECTRONIC_TRAVEL_AUTHORISATION -> org.orderly.regime.TravelCategory.ELECTRONIC_TRAVEL_AUTHORISATION;
            case E_VISA -> org.orderly.regime.TravelCategory.E_VISA;
            case VISA_REQUIRED -> org.orderly.regime.TravelCategory.VISA_REQUIRED;
            case COVID_BAN -> org.orderly.regime.TravelCategory.COVID_ENTRY_BAN;
            case NO_ADMISSION -> org.orderly.regime.TravelCategory.NO_ADMISSION;
        };
    }

    /** The requirement an imported entry policy stands for: the inverse of {@link #category()}. */
    public static VisaRequirement of(org.orderly.regime.TravelCategory category, Integer stayDays) {
        return switch (category) {
            case OWN_COUNTRY -> parse("-1");
            case FREE_MOVEMENT, VISA_FREE -> stayDays == null ? parse("visa free") : parse(String.valueOf(stayDays));
            case VISA_ON_ARRIVAL -> parse("visa on arrival");
            case ELECTRONIC_TRAVEL_AUTHORISATION -> parse("eta");
            case E_VISA -> parse("e-visa");
            case VISA_REQUIRED -> parse("visa required");
            case COVID_ENTRY_BAN -> parse("covid ban");
            case NO_ADMISSION -> parse("no admission");
        };
    }

    /** The requirement in plain words, with its days where given. */
    public String describe() {
        return days == null ? kind.label() : kind.label() + " (" + days + " days)";
    }
}
