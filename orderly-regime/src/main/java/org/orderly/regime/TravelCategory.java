package org.orderly.regime;

/** What a traveller needs to enter a state, from the most to the least open. */
public enum TravelCategory {
    OWN_COUNTRY("own country"),
    FREE_MOVEMENT("free movement"),
    VISA_FREE("visa free"),
    VISA_ON_ARRIVAL("visa on arrival"),
    ELECTRONIC_TRAVEL_AUTHORISATION("electronic travel authorisation"),
    E_VISA("e-visa"),
    VISA_REQUIRED("visa required"),
    /**
     * A temporary entry ban of the COVID-19 pandemic (the 2022 visa matrix's {@code covid ban}): a measure of its own kind,
     * never a state's ordinary entry policy, and never in force before 2020.
     */
    COVID_ENTRY_BAN("temporary entry ban (COVID-19)"),
    NO_ADMISSION("no admission");

    private final String label;

    TravelCategory(String label) {
        this.label = label;
    }

    /**
     * The first day a COVID-19 measure can have applied: the disease was first reported to the WHO on 31 December 2019
     * (WHO, Pneumonia of unknown cause – China, Disease Outbreak News, 5 January 2020), so no entry ban of the pandemic
     * is ever projected onto a date before 2020.
     */
    public static final java.time.LocalDate COVID_MEASURES_FROM = java.time.LocalDate.of(2020, 1, 1);

    /** Whether this is a temporary measure rather than a state's ordinary entry policy. */
    public boolean temporary() {
        return this == COVID_ENTRY_BAN;
    }

    /** The category in plain words, as the Passport Index dataset and the pages say it. */
    public String label() {
        return label;
    }
}
