package org.orderly.lab.remittance;

/**
 * One state's remittances: received from its emigrants abroad and sent by the migrants it hosts (US$), and the fees paid
 * on each at today's cost and what reaching the target would save.
 */
public record StateRemittances(
        String state,
        double received,
        double feesOnReceived,
        double savingOnReceived,
        double sent,
        double feesOnSent,
        double savingOnSent) {}
