package org.orderly.regime;

/** Grantors open their labour market in a sector to beneficiaries' nationals, up to an annual quota. */
public record LabourAccess(String instrumentId, Scope scope, Term term, String sector, int annualQuota, Source source)
        implements Commitment {

    public LabourAccess {
        Checks.common(instrumentId, scope, term, source);
        Checks.text("labour access sector", sector);
        Checks.notNegative("labour access annual quota", annualQuota);
    }

    @Override
    public Kind kind() {
        return Kind.LABOUR_ACCESS;
    }

    @Override
    public String describe() {
        return "labour-market access in " + sector + " for up to " + annualQuota + " workers a year";
    }
}
