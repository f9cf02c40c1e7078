package org.orderly.server.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.Source;

/** A commitment as the API shows it: its kind, who owes it to whom, when, its terms and a sentence. */
public record CommitmentView(
        String instrumentId,
        String kind,
        boolean reciprocal,
        List<String> grantors,
        List<String> beneficiaries,
        LocalDate from,
        LocalDate until,
        Map<String, String> terms,
        String description,
        Source source) {

    public static CommitmentView of(Commitment c) {
        List<String> grantors =
                c.scope().match(reciprocal -> List.<String>of(), d -> List.copyOf(new TreeSet<>(d.grantors())));
        List<String> beneficiaries =
                c.scope().match(reciprocal -> List.<String>of(), d -> List.copyOf(new TreeSet<>(d.beneficiaries())));
        return new CommitmentView(
                c.instrumentId(),
                c.kind().name(),
                c.scope().isReciprocal(),
                grantors,
                beneficiaries,
                c.term().from(),
                c.term().until(),
                CommitmentTerms.of(c),
                c.describe(),
                c.source());
    }
}
