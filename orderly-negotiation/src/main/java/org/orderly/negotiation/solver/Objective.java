package org.orderly.negotiation.solver;

import java.util.Locale;

/** What the engine maximises among the individually rational deals. */
public enum Objective {
    /** The sum of all parties' utilities (equivalently of their gains over reservation), Σuᵢ. */
    JOINT,
    /** The product of the gains over reservation, Π(uᵢ − rᵢ) (the Nash bargaining solution). */
    NASH,
    /** The smallest gain over reservation, minᵢ(uᵢ − rᵢ) (egalitarian), then the joint gain. */
    MAXMIN;

    /** What the objective looks for, in the words a negotiator uses (the pages never show "MAXMIN"). */
    public String words() {
        return switch (this) {
            case JOINT -> "the package with the largest total gain";
            case NASH -> "the balanced package (largest product of the gains)";
            case MAXMIN -> "the package that gives the worst-off party the most";
        };
    }

    /** Reads "joint", "nash" or "maxmin" in any case. */
    public static Objective parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown objective '" + text + "': use joint, nash or maxmin");
        }
    }
}
