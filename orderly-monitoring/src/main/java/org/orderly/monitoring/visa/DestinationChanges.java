package org.orderly.monitoring.visa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The changes of one destination between two visa matrices, counted by kind, and how to read them: a change of policy,
 * or one the analyst should not take for policy. A source that relabels one category for nearly every passport at once
 * (e-visa and visa on arrival: Djibouti, Cambodia, Nigeria between the Passport Index matrices) may change its words,
 * not the destination's policy; a temporary COVID-19 ban that begins or ends is a measure of the pandemic.
 */
public record DestinationChanges(
        String destination,
        int passportsListed,
        List<VisaChange> changes,
        Map<VisaChange.Kind, Integer> counts,
        Reading reading) {

    /**
     * A relabelling moves at least this share of the destination's passports that carried either label (e-visa or visa on
     * arrival) in the older matrix, and at least {@link #RELABELLING_LEAST} of them: one category, nearly every passport.
     * Three quarters catches Nigeria between 2022 and 2023 (145 of 181 passports from visa on arrival to e-visa). A move
     * to or from "visa required" is never read as one: a state introducing an e-visa for all is often real policy, and
     * the matrices cannot tell (Guyana's 140 of 141 passports from visa on arrival to visa required stay "imposed").
     */
    public static final double RELABELLING_SHARE = 0.75;

    /** So few moved passports are read as policy, whatever their share. */
    public static final int RELABELLING_LEAST = 20;

    /** How the changes of a destination are to be read. */
    public enum Reading {
        POLICY(null),
        RELABELLING(
                "the source moved nearly every passport between e-visa and visa on arrival at once: possibly a relabelling"
                        + " of its category rather than a change of policy; check the destination's own notice before reading it as policy"),
        PANDEMIC(
                "most of these changes are a temporary COVID-19 entry ban beginning or ending: a measure of the pandemic, not"
                        + " a change of ordinary policy");

        private final String caution;

        Reading(String caution) {
            this.caution = caution;
        }

        /** What the analyst is told, or null for a change read as policy. */
        public String caution() {
            return caution;
        }
    }

    public DestinationChanges {
        changes = List.copyOf(changes);
        counts = Map.copyOf(counts);
    }

    /** Every destination with at least one change, in code order. */
    public static List<DestinationChanges> of(VisaChanges between) {
        Map<String, List<VisaChange>> byDestination = new TreeMap<>();
        for (VisaChange change : between.changes())
            byDestination
                    .computeIfAbsent(change.destination(), d -> new ArrayList<>())
                    .add(change);
        Map<String, Integer> listed = new TreeMap<>();
        Map<String, Integer> labelled = new TreeMap<>();
        for (String pair : between.after().requirements().keySet())
            listed.merge(pair.substring(pair.indexOf('→') + 1), 1, Integer::sum);
        between.before().requirements().forEach((pair, requirement) -> {
            if (LABELS.contains(requirement.kind()))
                labelled.merge(pair.substring(pair.indexOf('→') + 1), 1, Integer::sum);
        });
        List<DestinationChanges> all = new ArrayList<>();
        byDestination.forEach((destination, changes) -> all.add(
                of(destination, listed.getOrDefault(destination, 0), labelled.getOrDefault(destination, 0), changes)));
        return List.copyOf(all);
    }

    private static final java.util.Set<VisaRequirement.Kind> LABELS =
            java.util.EnumSet.of(VisaRequirement.Kind.E_VISA, VisaRequirement.Kind.VISA_ON_ARRIVAL);

    static DestinationChanges of(
            String destination, int passportsListed, int passportsLabelled, List<VisaChange> changes) {
        Map<VisaChange.Kind, Integer> counts = new EnumMap<>(VisaChange.Kind.class);
        int relabelled = 0;
        for (VisaChange change : changes) {
            counts.merge(change.kind(), 1, Integer::sum);
            if (relabelling(change)) relabelled++;
        }
        Reading reading = relabelled >= RELABELLING_LEAST && relabelled >= RELABELLING_SHARE * passportsLabelled
                ? Reading.RELABELLING
                : 2 * counts.getOrDefault(VisaChange.Kind.TEMPORARY_MEASURE, 0) > changes.size()
                        ? Reading.PANDEMIC
                        : Reading.POLICY;
        return new DestinationChanges(destination, passportsListed, changes, counts, reading);
    }

    private static boolean relabelling(VisaChange change) {
        if (change.before() == null || change.after() == null) return false;
        VisaRequirement.Kind from = change.before().kind();
        VisaRequirement.Kind to = change.after().kind();
        return (from == VisaRequirement.Kind.E_VISA && to == VisaRequirement.Kind.VISA_ON_ARRIVAL)
                || (from == VisaRequirement.Kind.VISA_ON_ARRIVAL && to == VisaRequirement.Kind.E_VISA);
    }

    /** The counts in words, kinds in their order: "12 lifted, 3 imposed, 1 loosened". */
    public String inWords() {
        return inWords(counts);
    }

    /** Counts of kinds in words, kinds in their order; "no change" for none. */
    public static String inWords(Map<VisaChange.Kind, Integer> counts) {
        StringJoiner words = new StringJoiner(", ");
        for (VisaChange.Kind kind : VisaChange.Kind.values()) {
            Integer n = counts.get(kind);
            if (n != null && n > 0) words.add(n + " " + kind.label());
        }
        return words.length() == 0 ? "no change" : words.toString();
    }
}
