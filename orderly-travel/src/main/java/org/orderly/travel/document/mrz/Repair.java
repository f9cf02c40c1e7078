package org.orderly.travel.document.mrz;

/**
 * One character changed by the OCR-tolerant reader (1-based line and column), with what confirmed it:
 * the name of the check digit that passes only with the change, or {@code "knownState"} for a state code.
 */
public record Repair(int line, int column, char from, char to, String confirmedBy) {}
