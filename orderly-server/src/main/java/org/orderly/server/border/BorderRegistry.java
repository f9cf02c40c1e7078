package org.orderly.server.border;

import org.orderly.border.crossing.CrossingIntake;
import org.orderly.border.crossing.StayAreas;
import org.orderly.border.record.RecordFields;
import org.orderly.regime.Registry;
import org.orderly.server.regime.RegimeService;
import org.springframework.stereotype.Component;

/**
 * What the border records read from the registry, kept with the registry snapshot they came from: the field rules
 * (which codes are states) with the crossing intake over them, and the stay areas (common frontiers with their dates). A registry write gives a new snapshot,
 * and with it new rules and areas at the next use.
 */
@Component
class BorderRegistry {
    private record Derived(Registry registry, CrossingIntake intake, StayAreas areas) {}

    private final RegimeService regime;
    private volatile Derived derived;

    BorderRegistry(RegimeService regime) {
        this.regime = regime;
    }

    RecordFields fields() {
        return current().intake().fields();
    }

    /** The intake of crossings: these field rules, and the server's cached travel rules for an entry without a rule. */
    CrossingIntake intake() {
        return current().intake();
    }

    StayAreas areas() {
        return current().areas();
    }

    private Derived current() {
        Registry registry = regime.registry();
        Derived known = derived;
        if (known == null || known.registry() != registry) {
            known = new Derived(
                    registry,
                    new CrossingIntake(RecordFields.of(registry), regime::travelRules),
                    StayAreas.of(registry));
            derived = known;
        }
        return known;
    }
}
