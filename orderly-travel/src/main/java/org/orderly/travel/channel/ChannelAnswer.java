package org.orderly.travel.channel;

import java.time.LocalDate;
import java.util.List;

/**
 * The finder's answer: every channel that could apply to the person, and the occupation their words reached. The JSON
 * shape the issue fixes: {@code {"channels": [...], "occupation": {"isco", "label"}}}.
 */
public record ChannelAnswer(List<Channel> channels, Occupation occupation) {
    public ChannelAnswer {
        channels = List.copyOf(channels);
    }

    /** The occupation the person's words reached (null when none was given). */
    public record Occupation(String isco, String label, String words, String matchedLabel, boolean regulated) {}

    /**
     * One channel for the person: the verdict, each criterion's status, the quota for the year, who decides and where to
     * apply, the rights and conditions, and the sources with their as-of dates; {@code verified} false when Orderly does
     * not vouch for the channel's own facts.
     */
    public record Channel(
            String id,
            String title,
            String destination,
            String destinationName,
            String instrument,
            String instrumentTitle,
            String purpose,
            String verdict,
            String verdictDetail,
            List<Criterion> criteria,
            Quota quota,
            String whoDecides,
            String whereToApply,
            List<Fact> rights,
            List<Fact> conditions,
            String source,
            String sourceReference,
            LocalDate asOf,
            boolean verified,
            List<SourceView> sources) {
        public Channel {
            criteria = List.copyOf(criteria);
            rights = List.copyOf(rights);
            conditions = List.copyOf(conditions);
            sources = List.copyOf(sources);
        }
    }

    /** A criterion: "met", "not met" or "unknown", what decided it, and its source. */
    public record Criterion(
            String criterion, String status, String detail, boolean verified, String source, LocalDate asOf) {}

    /**
     * The quota for the year asked: {@code status} is "open", "exhausted", "no numerical limit recorded", or "not recorded
     * for YEAR"; {@code allocated} and {@code remaining} are null when no ledger is kept.
     */
    public record Quota(
            Integer year,
            String status,
            Integer places,
            Long allocated,
            Long remaining,
            String procedure,
            String note,
            boolean verified,
            String source,
            LocalDate asOf) {}

    /** A right or a condition of the stay, with its source. */
    public record Fact(String kind, String statement, boolean verified, String source, LocalDate asOf) {}

    /** A source as the answer lists it. */
    public record SourceView(String title, String reference, LocalDate asOf, boolean verified) {}
}
