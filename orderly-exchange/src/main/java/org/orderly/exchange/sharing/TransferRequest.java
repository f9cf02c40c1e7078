package org.orderly.exchange.sharing;

import java.util.Set;

/** A request to pass personal data from one state to another: which dataset, for what purpose, which fields. */
public record TransferRequest(String from, String to, String dataset, String purpose, Set<String> fields) {
    public TransferRequest {
        if (from == null || from.isBlank() || to == null || to.isBlank())
            throw new IllegalArgumentException("a transfer needs a sending and a receiving state");
        if (dataset == null || dataset.isBlank()) throw new IllegalArgumentException("a transfer needs a dataset");
        if (purpose == null || purpose.isBlank()) throw new IllegalArgumentException("a transfer needs a purpose");
        fields = Set.copyOf(fields);
    }
}
