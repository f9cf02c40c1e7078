package org.orderly.screening;

import org.orderly.screening.watchlist.DocumentEntry;

/** A document found on a lost or stolen list: exact match on the normalised number and issuing state. */
public record DocumentHit(String watchlist, DocumentEntry entry) {}
