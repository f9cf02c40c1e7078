package org.orderly.travel.document.mrz;

/** The five ICAO Doc 9303 machine-readable zone layouts, with their line count and line width. */
public enum MrzFormat {
    /** ID card size 1: three lines of 30 characters. */
    TD1(3, 30),
    /** ID card size 2: two lines of 36 characters. */
    TD2(2, 36),
    /** Passport booklet: two lines of 44 characters. */
    TD3(2, 44),
    /** Visa, format A (full page): two lines of 44 characters. */
    MRV_A(2, 44),
    /** Visa, format B (smaller): two lines of 36 characters. */
    MRV_B(2, 36);

    private final int lines;
    private final int width;

    MrzFormat(int lines, int width) {
        this.lines = lines;
        this.width = width;
    }

    /** Number of lines in the zone. */
    public int lines() {
        return lines;
    }

    /** Number of characters in each line. */
    public int width() {
        return width;
    }

    /** Whether this format is a visa (MRV-A or MRV-B), whose date field means "valid until". */
    public boolean visa() {
        return this == MRV_A || this == MRV_B;
    }
}
