package org.orderly.regime;

/**
 * A typed, machine-readable promise made under an instrument. The family is closed so that
 * every consumer (rulebook, travel rules, negotiation, monitoring) handles every case.
 */
public sealed interface Commitment extends java.io.Serializable
        permits VisaWaiver,
                VisaObligation,
                FreeMovement,
                LegalChannel,
                Readmission,
                DocumentStandard,
                DataSharing,
                RightsFloor,
                RemittanceCost,
                CommonFrontier {

    /** The instrument the commitment is made under. */
    String instrumentId();

    Scope scope();

    Term term();

    Source source();

    Kind kind();

    /** A one-line statement of the commitment in plain words. */
    String describe();

    /** The closed list of commitment kinds, for switches and storage. */
    enum Kind {
        VISA_WAIVER,
        VISA_OBLIGATION,
        FREE_MOVEMENT,
        LEGAL_CHANNEL,
        READMISSION,
        DOCUMENT_STANDARD,
        DATA_SHARING,
        RIGHTS_FLOOR,
        REMITTANCE_COST,
        COMMON_FRONTIER;

        /**
         * Whether a negotiation can trade it. Free movement, a common frontier and a common visa list come with membership
         * of a regional order, not from a package deal between some of its members.
         */
        public boolean negotiable() {
            return this != FREE_MOVEMENT && this != COMMON_FRONTIER && this != VISA_OBLIGATION;
        }

        /**
         * The kind written as text, in any case. {@code LABOUR_ACCESS}, a legal channel's name before channels were data, is
         * read as {@link #LEGAL_CHANNEL}: negotiation files, draft deals and stored negotiations keep it.
         *
         * @throws IllegalArgumentException when the text names no kind
         */
        public static Kind named(String text) {
            String name = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
            return valueOf(name.equals("LABOUR_ACCESS") ? LEGAL_CHANNEL.name() : name);
        }
    }
}
