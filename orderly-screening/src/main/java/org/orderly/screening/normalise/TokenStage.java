package org.orderly.screening.normalise;

import java.util.List;

/** One step of name normalisation that rewrites, drops or classifies the tokens of a name. */
@FunctionalInterface
public interface TokenStage {
    List<NameToken> apply(List<NameToken> tokens);
}
