package org.orderly.travel.document.emrtd;

/** One reason passive authentication failed, with the data group concerned (0 when none) and a human-readable detail. */
public record Failure(FailureReason reason, int dataGroup, String message) {}
