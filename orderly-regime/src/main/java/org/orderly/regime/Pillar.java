package org.orderly.regime;

/** The four pillars an integrated migration regime keeps together. */
public enum Pillar {
    RIGHTS,
    LEGAL_MOVEMENT,
    SECURITY,
    COOPERATION
}
