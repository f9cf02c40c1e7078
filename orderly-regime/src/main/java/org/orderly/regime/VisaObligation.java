package org.orderly.regime;

import java.util.EnumSet;
import java.util.Set;

/**
 * Grantors require beneficiaries' nationals to hold a visa to cross their external borders for a short stay: a common
 * visa list that binds them (Regulation (EU) 2018/1806, art. 3(1) and Annex I). It is an obligation, not a promise to the
 * beneficiaries: a bound state may not waive the visa for those nationals by a bilateral agreement or by its national
 * policy, which is what the coherence checker looks for.
 */
public record VisaObligation(String instrumentId, Scope scope, Term term, Set<Purpose> purposes, Source source)
        implements Commitment {

    public VisaObligation {
        Checks.common(instrumentId, scope, term, source);
        purposes =
                purposes == null || purposes.isEmpty() ? VisaWaiver.SHORT_STAY : Set.copyOf(EnumSet.copyOf(purposes));
    }

    @Override
    public Kind kind() {
        return Kind.VISA_OBLIGATION;
    }

    @Override
    public String describe() {
        return "a visa required for short stays (a common visa list)";
    }
}
