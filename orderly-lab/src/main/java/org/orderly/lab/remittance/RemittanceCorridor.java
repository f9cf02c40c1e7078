package org.orderly.lab.remittance;

/**
 * Money sent home along one corridor in a year: migrants from {@code origin} living in {@code destination} send
 * {@code amount} US$ to {@code origin}; the cost in percent of the amount sent, where it is known ({@code null} otherwise),
 * and what it says about fees: paid at that cost, paid at the target, and the saving.
 */
public record RemittanceCorridor(
        String origin,
        String destination,
        double amount,
        Double costPercent,
        String costBasis,
        double fees,
        double feesAtTarget,
        double saving) {}
