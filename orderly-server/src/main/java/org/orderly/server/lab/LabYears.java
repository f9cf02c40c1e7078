package org.orderly.server.lab;

import org.orderly.lab.Lab;

/** Which years the server projects to: after the data's last year and at most 50 years past it, where bands still mean something. */
public final class LabYears {
    public static final int MAX_YEARS_AHEAD = 50;

    private LabYears() {
    }

    /**
     * @throws IllegalArgumentException naming the year and the range
     */
    public static int check(Lab lab, int year) {
        int last = lab.observations().lastYear();
        if (year <= last || year > last + MAX_YEARS_AHEAD) {
            throw new IllegalArgumentException("year " + year + " is out of range: projections start after the data's last year (" + last
                    + ") and go at most " + MAX_YEARS_AHEAD + " years past it");
        }
        return year;
    }
}
