package org.orderly.regime.channel;

/**
 * How a quota's places are given out: in the order applications arrive, to the highest points above a cut-off, or by a
 * lottery whose draw anyone can re-run (the seed's hash is published before the draw, the seed after).
 */
public enum AllocationProcedure {
    FIRST_COME,
    RANKED,
    LOTTERY
}
