package org.orderly.regime;

/**
 * A typed, machine-readable promise made under an instrument. The family is closed so that
 * every consumer (rulebook, travel rules, negotiation, monitoring) handles every case.
 */
public sealed interface Commitment
        permits VisaWaiver, VisaObligation, FreeMovement, LabourAccess, Readmission, DocumentStandard, DataSharing,
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
        VISA_WAIVER, VISA_OBLIGATION, FREE_MOVEMENT, LABOUR_ACCESS, READMISSION, DOCUMENT_STANDARD, DATA_SHARING, RIGHTS_FLOOR,
        REMITTANCE_COST, COMMON_FRONTIER;

        /**
         * Whether a negotiation can trade it. Free movement, a common frontier and a common visa list come with membership
         * of a regional order, not from a package deal between some of its members.
         */
        public boolean negotiable() {
            return this != FREE_MOVEMENT && this != COMMON_FRONTIER && this != VISA_OBLIGATION;
        }
    }
}
