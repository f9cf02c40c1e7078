package org.orderly.regime.channel;

/** What a legal channel admits people for; wider than a journey's {@link org.orderly.regime.Purpose}. */
public enum ChannelPurpose {
    WORK,
    SEASONAL_WORK,
    STUDY,
    RESEARCH,
    FAMILY,
    PROTECTION,
    INVESTMENT;

    /** Whether the channel admits people to work (so that a work question names it). */
    public boolean work() {
        return this == WORK || this == SEASONAL_WORK || this == RESEARCH;
    }
}
