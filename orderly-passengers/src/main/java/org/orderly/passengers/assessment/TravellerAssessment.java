package org.orderly.passengers.assessment;

import java.util.List;

/** What the assessment found for one traveller: findings (hits to review), and the travel requirement as a note. */
public record TravellerAssessment(String travellerId, String name, List<Finding> findings, String requirement) {
    public TravellerAssessment {
        findings = List.copyOf(findings);
    }

    public boolean hit() {
        return !findings.isEmpty();
    }
}
