package org.orderly.server.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Source;
import org.orderly.regime.channel.ChannelFacts;

/**
 * A legal channel as JSON: what {@code GET /api/v1/channels} returns and {@code POST /api/v1/channels} accepts. The
 * minimal form is {@code {"id", "title", "destination", "purpose", "annualQuota", "procedure"}}: every other field
 * defaults (any nationality, the destination's own law, the secretariat as the source).
 *
 * @param eligible {@code ANY}, {@code PARTIES} or state codes
 * @param facts    criteria, grid bands, quotas and conditions, each with its own source (the channel's when absent)
 */
public record ChannelDocument(
        String id,
        String title,
        String destination,
        String instrument,
        List<String> eligible,
        String purpose,
        List<String> occupations,
        LocalDate from,
        LocalDate until,
        String decision,
        String applyAt,
        Boolean verified,
        Integer annualQuota,
        String procedure,
        List<FactDocument> facts,
        SourceDocument source) {

    /** One fact of the channel ({@link ChannelFacts}). */
    public record FactDocument(
            String fact,
            String kind,
            Map<String, String> parameters,
            String text,
            Integer year,
            Boolean verified,
            SourceDocument source) {}

    /** A source: title, reference and the date we vouch for it. */
    public record SourceDocument(String title, String reference, LocalDate asOf) {
        Source toSource() {
            if (title == null || title.isBlank()) throw new IllegalArgumentException("source.title is missing");
            if (asOf == null) throw new IllegalArgumentException("source.asOf is missing");
            return new Source(title, reference, asOf);
        }

        static SourceDocument of(Source s) {
            return new SourceDocument(s.title(), s.reference(), s.asOf());
        }
    }

    /** The channel in the form POST accepts. */
    public static ChannelDocument of(LegalChannel c) {
        List<FactDocument> facts = c.facts().facts().stream()
                .map(f -> new FactDocument(
                        f.type().name(),
                        f.kind(),
                        f.parameters(),
                        f.text(),
                        f.year(),
                        f.verified(),
                        SourceDocument.of(f.source())))
                .toList();
        List<String> eligible = new ArrayList<>(new TreeSet<>(c.eligible()));
        return new ChannelDocument(
                c.id(),
                c.title(),
                c.destination(),
                c.instrumentId(),
                eligible,
                c.purpose().name(),
                List.copyOf(c.occupations()),
                c.term().from(),
                c.term().until(),
                c.decision(),
                c.applyAt(),
                c.verified(),
                null,
                null,
                facts,
                SourceDocument.of(c.source()));
    }

    /** The facts given, each checked, with the channel's source where a fact gives none. */
    static ChannelFacts facts(List<FactDocument> documents, Source channelSource) {
        List<ChannelFacts.Fact> facts = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            FactDocument d = documents.get(i);
            try {
                if (d == null) throw new IllegalArgumentException("is null");
                Source source = d.source() == null ? channelSource : d.source().toSource();
                facts.add(ChannelFacts.fact(
                        d.fact(),
                        d.kind(),
                        d.parameters() == null ? "" : org.orderly.regime.CommitmentTerms.format(d.parameters()),
                        d.text(),
                        d.year() == null ? null : d.year().toString(),
                        d.verified() == null ? "true" : d.verified().toString(),
                        source.title(),
                        source.reference(),
                        source.asOf().toString()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("facts[" + i + "]: " + e.getMessage(), e);
            }
        }
        try {
            return ChannelFacts.of(facts);
        } catch (ChannelFacts.InvalidFact e) {
            throw new IllegalArgumentException("facts[" + e.index() + "]: " + e.getMessage(), e);
        }
    }
}
