package org.orderly.screening.compare;

/** One correspondence in a comparison: which part of the left name matched which part of the right, how, and how well. */
public record TokenMatch(String left, String right, MatchKind kind, double similarity) {}
