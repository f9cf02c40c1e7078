package org.orderly.monitoring.visa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Every pair whose requirement differs between two snapshots, in passport then destination order, with counts per kind. */
public record VisaChanges(VisaSnapshot before, VisaSnapshot after, List<VisaChange> changes) {

    public VisaChanges {
        changes = List.copyOf(changes);
    }

    /** Compares two snapshots pair by pair. */
    public static VisaChanges between(VisaSnapshot before, VisaSnapshot after) {
        TreeSet<String> pairs = new TreeSet<>(before.requirements().keySet());
        pairs.addAll(after.requirements().keySet());
        List<VisaChange> changes = new ArrayList<>();
        for (String pair : pairs) {
            VisaRequirement old = before.requirements().get(pair);
            VisaRequirement now = after.requirements().get(pair);
            VisaChange.Kind kind = VisaChange.classify(old, now);
            if (kind == null) continue;
            int arrow = pair.indexOf('→');
            changes.add(new VisaChange(pair.substring(0, arrow), pair.substring(arrow + 1), old, now, kind));
        }
        return new VisaChanges(before, after, changes);
    }

    /** How many changes of each kind, every kind listed (zero included). */
    public Map<VisaChange.Kind, Integer> counts() {
        Map<VisaChange.Kind, Integer> counts = new EnumMap<>(VisaChange.Kind.class);
        for (VisaChange.Kind kind : VisaChange.Kind.values()) counts.put(kind, 0);
        for (VisaChange change : changes) counts.merge(change.kind(), 1, Integer::sum);
        return Collections.unmodifiableMap(counts);
    }
}
