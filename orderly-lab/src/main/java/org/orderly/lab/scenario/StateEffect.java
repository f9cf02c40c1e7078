package org.orderly.lab.scenario;

/**
 * A state's projected effects of a draft deal against no deal, in the year asked: its emigrants abroad and the
 * immigrants it hosts (persons, with the change's 90 % band summed over corridors), the remittances it receives and the
 * fees paid on them (US$), the net change in what reaches families (remittances received less their fees), and the
 * fees paid by the migrants it hosts on what they send home.
 */
public record StateEffect(
        String state,
        double emigrants,
        double emigrantsChange,
        double emigrantsChangeLow,
        double emigrantsChangeHigh,
        double immigrants,
        double immigrantsChange,
        double immigrantsChangeLow,
        double immigrantsChangeHigh,
        double remittancesReceived,
        double remittancesReceivedChange,
        double feesOnReceived,
        double feesOnReceivedChange,
        double netRemittancesChange,
        double feesOnSent,
        double feesOnSentChange) {}
