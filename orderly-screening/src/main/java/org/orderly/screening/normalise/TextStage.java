package org.orderly.screening.normalise;

/** One step of name normalisation that rewrites the whole name text before it is cut into tokens. */
@FunctionalInterface
public interface TextStage {
    String apply(String text);
}
