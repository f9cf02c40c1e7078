package org.orderly.lab.negotiation;

import java.util.Locale;
import org.orderly.lab.scenario.StateEffect;

/** Which of a state's projected effects a seeded valuation counts in points; the negotiator chooses. */
public enum Measure {
    NET_REMITTANCES("net remittances received (US$: remittances from its emigrants less the fees on them)", "US$"),
    EMIGRANTS("its nationals living abroad (persons)", "persons"),
    IMMIGRANTS("migrants living in it (persons)", "persons");

    private final String label;
    private final String unit;

    Measure(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The measure's change for a state (0 when the deal changes nothing for it). */
    public double of(StateEffect effect) {
        if (effect == null) return 0;
        return switch (this) {
            case NET_REMITTANCES -> effect.netRemittancesChange();
            case EMIGRANTS -> effect.emigrantsChange();
            case IMMIGRANTS -> effect.immigrantsChange();
        };
    }

    /** A measure by its name in any case, with dashes for underscores ({@code net-remittances}). */
    public static Measure parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Measure m : values()) if (m.name().equals(key)) return m;
        throw new IllegalArgumentException(
                "no measure '" + text + "' (expected net-remittances, emigrants or immigrants)");
    }

    /** The name as a form or address gives it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
