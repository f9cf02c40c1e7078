package org.orderly.regime;

/** Grantors issue travel documents that meet a standard (e.g. ICAO Doc 9303 eMRTD) from a given year. */
public record DocumentStandard(
        String instrumentId, Scope scope, Term term, String standard, int fromYear, Source source)
        implements Commitment {

    public DocumentStandard {
        Checks.common(instrumentId, scope, term, source);
        Checks.text("document standard", standard);
        Checks.positive("document standard year", fromYear);
    }

    @Override
    public Kind kind() {
        return Kind.DOCUMENT_STANDARD;
    }

    @Override
    public String describe() {
        return "travel documents to " + standard + " from " + fromYear;
    }
}
