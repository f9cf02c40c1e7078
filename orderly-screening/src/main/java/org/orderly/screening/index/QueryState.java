package org.orderly.screening.index;

import java.util.Arrays;

/**
 * The per-query, per-thread state of a lookup: the link table (per linked listed token, its best contribution to the
 * matched weight of both names and to each side's coverage), the stamps that mark names already kept and tokens
 * already proposed, and the result buffer. Reused from query to query; a new stamp clears it without touching the
 * arrays.
 */
final class QueryState {
    final int[] nameStamp;
    int[] result = new int[64];
    /** Per dictionary token: the query stamp (high half) and its slot in the link table (low half). */
    final long[] tokenSlots;

    final int[] proposedStamp;
    /** Per linked token: the best contribution of one unit to the matched weight of both names, of the query, of the name. */
    double[] slotPair = new double[256];

    double[] slotQuery = new double[256];
    double[] slotName = new double[256];
    /** Per linked token: the query words (bit w for the w-th word) that link it one to one. */
    int[] slotWords = new int[256];

    int slots;
    int stamp;
    int proposal;
    /** Dictionary ids linked by the current query one to one, grouped per query word. */
    int[] matched = new int[256];

    int matchedCount;
    /** Listed words linked to two adjacent query tokens written as one: their postings are always read. */
    int[] joinedLinks = new int[64];

    int joinedCount;
    /** Listed pairs (ids of {@link ListedPairs}) linked to a query word or to two joined: their names are read. */
    int[] pairReads = new int[64];

    int pairReadCount;
    /** A live lookup's dictionary ids and similarities. */
    int[] found = new int[256];

    double[] foundSimilarities = new double[256];
    int foundCount;

    QueryState(int names, int tokens) {
        this.nameStamp = new int[names];
        this.tokenSlots = new long[tokens];
        this.proposedStamp = new int[tokens];
    }

    /** Starts a query: a new stamp, an empty link table. */
    void start() {
        if (stamp >= Integer.MAX_VALUE - 2) {
            Arrays.fill(nameStamp, 0);
            Arrays.fill(tokenSlots, 0);
            stamp = 0;
        }
        stamp++;
        matchedCount = 0;
        joinedCount = 0;
        pairReadCount = 0;
        slots = 0;
    }

    /** The link-table slot of a token in this query, or -1 when the query has not linked it. */
    int slotOf(int token) {
        long entry = tokenSlots[token];
        return (int) (entry >>> 32) == stamp ? (int) entry : -1;
    }

    /**
     * Raises the linked token's best contribution of one alignment unit to the matched weight of both names, to the
     * query's and to the listed name's coverage (each listed token takes part in one unit at most); a link one to one
     * with the query's word number {@code word}.
     */
    void record(int token, int word, double pair, double ofQuery, double ofName) {
        raise(token, pair, ofQuery, ofName);
        slotWords[slotOf(token)] |= 1 << word;
        if (matchedCount == matched.length) {
            matched = Arrays.copyOf(matched, matched.length * 2);
        }
        matched[matchedCount++] = token;
    }

    /** Whether the query's word number {@code word} links this token one to one. */
    boolean linkedTo(int token, int word) {
        int slot = slotOf(token);
        return slot >= 0 && (slotWords[slot] & (1 << word)) != 0;
    }

    /** As {@link #record}, for a listed word linked to two query tokens written as one: its postings are read. */
    void recordJoined(int token, double pair, double ofQuery, double ofName) {
        raise(token, pair, ofQuery, ofName);
        if (joinedCount == joinedLinks.length) {
            joinedLinks = Arrays.copyOf(joinedLinks, joinedLinks.length * 2);
        }
        joinedLinks[joinedCount++] = token;
    }

    /** Lists a listed pair linked through parts written as one: the names that have it are read. */
    void readPair(int pair) {
        if (pairReadCount == pairReads.length) {
            pairReads = Arrays.copyOf(pairReads, pairReadCount * 2);
        }
        pairReads[pairReadCount++] = pair;
    }

    /** Raises the linked token's best contributions without listing it for reading (particles). */
    void raise(int token, double pair, double ofQuery, double ofName) {
        int slot = slotOf(token);
        if (slot < 0) {
            slot = slots++;
            tokenSlots[token] = (long) stamp << 32 | slot;
            if (slot == slotPair.length) {
                slotPair = Arrays.copyOf(slotPair, slot * 2);
                slotQuery = Arrays.copyOf(slotQuery, slot * 2);
                slotName = Arrays.copyOf(slotName, slot * 2);
                slotWords = Arrays.copyOf(slotWords, slot * 2);
            }
            slotWords[slot] = 0;
            slotPair[slot] = 0;
            slotQuery[slot] = 0;
            slotName[slot] = 0;
        }
        slotPair[slot] = Math.max(slotPair[slot], pair);
        slotQuery[slot] = Math.max(slotQuery[slot], ofQuery);
        slotName[slot] = Math.max(slotName[slot], ofName);
    }

    /** Adds a name to the result unless this query kept it already; returns the new result length. */
    int keep(int name, int kept) {
        if (nameStamp[name] == stamp) {
            return kept;
        }
        nameStamp[name] = stamp;
        if (kept == result.length) {
            result = Arrays.copyOf(result, kept * 2);
        }
        result[kept] = name;
        return kept + 1;
    }

    /** Starts a new round of proposals: no token counts as proposed. */
    void nextProposal() {
        if (++proposal == Integer.MAX_VALUE) {
            Arrays.fill(proposedStamp, 0);
            proposal = 1;
        }
    }
}
