package org.orderly.monitoring.visa;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one destination treats the world's passports on a snapshot's date: the count of passports in each requirement
 * kind (own country left out), and reciprocity — the share of partners it treats as they treat it (same kind both ways).
 * A pair with a temporary COVID-19 ban on either side is no partner: the ban is not ordinary policy.
 */
public record VisaOpenness(
        String destination, Map<VisaRequirement.Kind, Integer> counts, int partners, int reciprocal) {

    public VisaOpenness {
        Objects.requireNonNull(destination, "destination");
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** The destination's openness in a snapshot; partners are the states listed both ways with it, with ordinary policy both ways. */
    public static VisaOpenness of(VisaSnapshot snapshot, String destination) {
        Map<VisaRequirement.Kind, Integer> counts = new EnumMap<>(VisaRequirement.Kind.class);
        for (VisaRequirement.Kind kind : VisaRequirement.Kind.values()) {
            if (kind != VisaRequirement.Kind.OWN_COUNTRY) counts.put(kind, 0);
        }
        int partners = 0;
        int reciprocal = 0;
        for (String other : snapshot.states()) {
            if (other.equals(destination)) continue;
            VisaRequirement admits = snapshot.requirement(other, destination);
            if (admits != null) counts.merge(admits.kind(), 1, Integer::sum);
            VisaRequirement admitted = snapshot.requirement(destination, other);
            if (admits != null
                    && admitted != null
                    && !admits.kind().temporary()
                    && !admitted.kind().temporary()) {
                partners++;
                if (admits.kind() == admitted.kind()) reciprocal++;
            }
        }
        return new VisaOpenness(destination, counts, partners, reciprocal);
    }

    /** Passports admitted without a visa applied for in advance: visa free, on arrival, or with an electronic authorisation. */
    public int withoutVisa() {
        return counts.get(VisaRequirement.Kind.VISA_FREE)
                + counts.get(VisaRequirement.Kind.VISA_ON_ARRIVAL)
                + counts.get(VisaRequirement.Kind.ELECTRONIC_TRAVEL_AUTHORISATION);
    }

    /** Reciprocity as a share from 0 to 1, or null when the destination has no partner listed both ways. */
    public Double reciprocity() {
        return partners == 0 ? null : (double) reciprocal / partners;
    }
}
