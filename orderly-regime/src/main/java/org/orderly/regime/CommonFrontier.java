package org.orderly.regime;

/**
 * The states bound by the instrument keep one external frontier and count a traveller's stay in their territories as
 * one (the Schengen area: no checks at internal borders, Regulation (EU) 2016/399): an entry through any of them and an
 * exit through any of them begin and end the same stay. Without it, each state's entries and exits make its own stays.
 */
public record CommonFrontier(String instrumentId, Scope scope, Term term, Source source) implements Commitment {

    public CommonFrontier {
        Checks.common(instrumentId, scope, term, source);
    }

    @Override
    public Kind kind() {
        return Kind.COMMON_FRONTIER;
    }

    @Override
    public String describe() {
        return "one external frontier: a stay in any of the parties counts as one stay in all";
    }
}
