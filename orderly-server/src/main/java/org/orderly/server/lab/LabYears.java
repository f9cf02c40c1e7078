package org.orderly.server.lab;

import org.orderly.lab.Lab;
import org.orderly.lab.model.Projector;

/** Which years the server projects to: the lab's own range (after the data's last year, at most 50 years past it). */
public final class LabYears {
    private LabYears() {}

    /**
     * @throws IllegalArgumentException naming the year and the range
     */
    public static int check(Lab lab, int year) {
        Projector.checkYear(year, lab.observations().lastYear());
        return year;
    }
}
