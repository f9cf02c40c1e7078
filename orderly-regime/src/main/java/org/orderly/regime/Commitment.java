package org.orderly.regime;

/**
 * A typed, machine-readable promise made under an instrument. The family is closed so that
 * every consumer (rulebook, travel rules, negotiation, monitoring) handles every case.
 */
public sealed interface Commitment
        permits VisaWaiver, FreeMovement, LegalChannel, Readmission, DocumentStandard, DataSharing,
        RightsFloor, RemittanceCost, CommonFrontier {

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
        VISA_WAIVER, FREE_MOVEMENT, LEGAL_CHANNEL, READMISSION, DOCUMENT_STANDARD, DATA_SHARING, RIGHTS_FLOOR, REMITTANCE_COST, COMMON_FRONTIER;

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
