package org.orderly.travel.channel.occupation;

import java.util.List;

/** What a person's words for their occupation reach: an ESCO occupation and its ISCO-08 group, or suggestions. */
public sealed interface OccupationAnswer {

    /** The one dispatch over the family: found or not (a new kind fails to compile where it is not handled). */
    <R> R match(java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound);

    /**
     * The words reached an occupation.
     *
     * @param matchedLabel the ESCO label (preferred or alternative) the words matched
     * @param groupLabel   the ISCO-08 unit group's label
     * @param exact        whether the words are an ESCO label (otherwise every word is in the label matched)
     */
    record Found(String words, EscoOccupation occupation, String matchedLabel, String groupLabel, boolean exact)
            implements OccupationAnswer {
        @Override
        public <R> R match(
                java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound) {
            return found.apply(this);
        }
    }

    /** No ESCO label holds the words; the closest labels as suggestions (perhaps none). */
    record NotFound(String words, List<String> suggestions) implements OccupationAnswer {
        public NotFound {
            suggestions = List.copyOf(suggestions);
        }

        @Override
        public <R> R match(
                java.util.function.Function<Found, R> found, java.util.function.Function<NotFound, R> notFound) {
            return notFound.apply(this);
        }
    }
}
