package org.orderly.travel.channel;

import java.util.OptionalLong;

/** How many places of a channel's quota were allocated in a year (from the quota ledger); empty when no ledger is kept. */
@FunctionalInterface
public interface QuotaUse {
    OptionalLong allocated(String channelId, int year);

    /** No ledger: the quota's use is not known. */
    QuotaUse NONE = (channel, year) -> OptionalLong.empty();
}
