package org.orderly.regime.channel;

import java.util.Objects;

/** How one criterion stands for one person: met, not met, or unknown because the person did not say (never assumed met). */
public record Assessment(Status status, String detail) {

    /** The three answers a criterion can give. */
    public enum Status {
        MET("met"),
        NOT_MET("not met"),
        UNKNOWN("unknown");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        /** As the page and the JSON say it. */
        public String words() {
            return words;
        }
    }

    public Assessment {
        Objects.requireNonNull(status, "assessment status");
        Objects.requireNonNull(detail, "assessment detail");
    }

    static Assessment met(String detail) {
        return new Assessment(Status.MET, detail);
    }

    static Assessment notMet(String detail) {
        return new Assessment(Status.NOT_MET, detail);
    }

    static Assessment unknown(String detail) {
        return new Assessment(Status.UNKNOWN, detail);
    }
}
