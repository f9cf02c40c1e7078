package org.orderly.lab.scenario;

import java.util.List;

/**
 * How a draft deal changes one corridor's projected stock: without and with the deal, the change and its 90 % band (from
 * the policy coefficients' standard errors; a change that comes only from a legal channel's places is arithmetic and
 * has no band), and which policy variables the deal changed.
 */
public record CorridorChange(
        String origin,
        String destination,
        double baseline,
        double withDeal,
        double change,
        double changeLow,
        double changeHigh,
        List<String> variables) {}
