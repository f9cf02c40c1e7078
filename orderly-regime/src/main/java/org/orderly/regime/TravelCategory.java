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
    NO_ADMISSION("no admission");

    private final String label;

    TravelCategory(String label) {
        this.label = label;
    }

    /** The category in plain words, as the Passport Index dataset and the pages say it. */
    public String label() {
        return label;
    }
}
