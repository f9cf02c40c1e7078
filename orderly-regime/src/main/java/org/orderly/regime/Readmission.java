package org.orderly.regime;

/**
 * Grantors readmit their own nationals (and, if agreed, third-country nationals who transited)
 * at beneficiaries' request, answering each request within {@code answerDeadlineDays}.
 */
public record Readmission(
        String instrumentId,
        Scope scope,
        Term term,
        int answerDeadlineDays,
        boolean thirdCountryNationals,
        Source source)
        implements Commitment {

    public Readmission {
        Checks.common(instrumentId, scope, term, source);
        Checks.positive("readmission answer deadline days", answerDeadlineDays);
    }

    @Override
    public Kind kind() {
        return Kind.READMISSION;
    }

    @Override
    public String describe() {
        return "readmission of own nationals" + (thirdCountryNationals ? " and third-country nationals" : "")
                + ", requests answered within " + answerDeadlineDays + " days";
    }
}
