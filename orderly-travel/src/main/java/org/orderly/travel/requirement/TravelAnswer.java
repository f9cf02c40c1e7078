package org.orderly.travel.requirement;

import java.time.LocalDate;
import java.util.List;
import org.orderly.regime.Purpose;
import org.orderly.regime.Source;
import org.orderly.regime.TravelCategory;

/** A travel requirement as the API and the command line show it, with names and labels for people. */
public record TravelAnswer(String passport, String passportName, String destination, String destinationName,
                           LocalDate date, Purpose purpose, TravelCategory category, String categoryLabel,
                           Integer stayDays, Integer windowDays, String basis, String instrumentId, String instrumentTitle,
                           boolean overridesUnilateral, TravelCategory unilateral, Integer unilateralStayDays,
                           String explanation, List<Source> sources) {

    public static TravelAnswer of(TravelRequirement r, String passportName, String destinationName, String instrumentTitle) {
        return new TravelAnswer(r.passport(), passportName, r.destination(), destinationName, r.date(), r.purpose(),
                r.category(), r.category().label(), r.stayDays(), r.windowDays(), r.basis().name(), r.instrumentId(),
                instrumentTitle, r.overridesUnilateral(), r.unilateral(), r.unilateralStayDays(), r.explanation(), r.sources());
    }

    /** The answer in one line of plain words. */
    public String summary() {
        StringBuilder text = new StringBuilder(categoryLabel);
        if (stayDays != null) {
            text.append(", up to ").append(stayDays).append(" days");
            if (windowDays != null) text.append(" in any ").append(windowDays);
        }
        return text.toString();
    }
}
