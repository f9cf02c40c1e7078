package org.orderly.travel.channel.occupation;

import java.util.List;

/**
 * One ESCO occupation: its ISCO-08 unit group, preferred and alternative labels, and whether ESCO marks it as a
 * regulated profession (the qualification must then be recognised in the destination first).
 */
public record EscoOccupation(
        String uri, String isco, String preferredLabel, List<String> alternativeLabels, boolean regulated) {
    public EscoOccupation {
        alternativeLabels = List.copyOf(alternativeLabels);
    }
}
