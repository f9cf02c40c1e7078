package org.orderly.travel.document.emrtd;

/** Why passive authentication of an eMRTD failed; each kind of tampering or trust problem has its own reason. */
public enum FailureReason {
    /** A supplied data group does not hash to the value in the security object (or is not listed there). */
    DATA_GROUP_HASH_MISMATCH,
    /**
     * A data group that must be checked was not supplied: DG1 (the MRZ data) always, and every other group the security
     * object lists that the check relies on (DG2, the face, where the chip has one): a document is not authenticated by
     * checking nothing.
     */
    DATA_GROUP_MISSING,
    /** The document signer's signature over the LDS security object does not verify. */
    SIGNATURE_INVALID,
    /** A trusted CSCA with the document signer's issuer name exists, but none signed the document signer certificate. */
    SIGNER_NOT_TRUSTED,
    /** No trusted CSCA has the document signer certificate's issuer name. */
    UNKNOWN_CSCA,
    /** The document signer or the CSCA certificate had expired at the instant of the check. */
    CERTIFICATE_EXPIRED,
    /** The document signer or the CSCA certificate was not yet valid at the instant of the check. */
    CERTIFICATE_NOT_YET_VALID,
    /** The EF.SOD bytes are not a readable security object with a document signer certificate. */
    MALFORMED_SOD
}
