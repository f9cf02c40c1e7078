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
    enum Kind { VISA_WAIVER, FREE_MOVEMENT, LEGAL_CHANNEL, READMISSION, DOCUMENT_STANDARD, DATA_SHARING, RIGHTS_FLOOR, REMITTANCE_COST, COMMON_FRONTIER }
}
