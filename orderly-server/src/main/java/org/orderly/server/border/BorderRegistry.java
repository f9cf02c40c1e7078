package org.orderly.server.border;

import org.orderly.border.crossing.StayAreas;
import org.orderly.border.record.RecordFields;
import org.orderly.regime.Registry;
import org.orderly.server.regime.RegimeService;
import org.springframework.stereotype.Component;

/**
 * What the border records read from the registry, kept with the registry snapshot they came from: the field rules
 * (which codes are states) and the stay areas (common frontiers with their dates). A registry write gives a new snapshot,
 * and with it new rules and areas at the next use.
 */
@Component
class BorderRegistry {
    private record Derived(Registry registry, RecordFields fields, StayAreas areas) {}

    private final RegimeService regime;
    private volatile Derived derived;

    BorderRegistry(RegimeService regime) {
        this.regime = regime;
    }

    RecordFields fields() {
        return current().fields();
    }

    StayAreas areas() {
        return current().areas();
    }

    private Derived current() {
        Registry registry = regime.registry();
        Derived known = derived;
        if (known == null || known.registry() != registry) {
            known = new Derived(registry, RecordFields.of(registry), StayAreas.of(registry));
            derived = known;
        }
        return known;
    }
}
