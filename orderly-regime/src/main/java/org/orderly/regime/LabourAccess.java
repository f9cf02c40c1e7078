package org.orderly.regime;

import java.util.EnumSet;
import java.util.Set;

/**
 * Grantors open their labour market in a sector to beneficiaries' nationals, up to an annual quota. {@code unequalTreatment}
 * names the matters in which the channel's terms treat these workers less favourably than nationals (empty: none), which
 * the coherence checker holds against the equal treatment that ILO Conventions 97 and 143 require.
 */
public record LabourAccess(String instrumentId, Scope scope, Term term, String sector, int annualQuota,
                           Set<TreatmentMatter> unequalTreatment, Source source) implements Commitment {

    public LabourAccess {
        Checks.common(instrumentId, scope, term, source);
        Checks.text("labour access sector", sector);
        Checks.notNegative("labour access annual quota", annualQuota);
        unequalTreatment = unequalTreatment == null || unequalTreatment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unequalTreatment));
    }

    /** A channel whose terms treat its workers as nationals in every matter. */
    public LabourAccess(String instrumentId, Scope scope, Term term, String sector, int annualQuota, Source source) {
        this(instrumentId, scope, term, sector, annualQuota, Set.of(), source);
    }

    @Override
    public Kind kind() {
        return Kind.LABOUR_ACCESS;
    }

    @Override
    public String describe() {
        return "labour-market access in " + sector + " for up to " + annualQuota + " workers a year"
                + (unequalTreatment.isEmpty() ? "" : ", treated less favourably than nationals in "
                + String.join(", ", unequalTreatment.stream().sorted().map(TreatmentMatter::words).toList()));
    }
}
