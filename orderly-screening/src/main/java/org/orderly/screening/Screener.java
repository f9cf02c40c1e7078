package org.orderly.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orderly.screening.compare.Comparison;
import org.orderly.screening.compare.NameComparator;
import org.orderly.screening.compare.NameFeatures;
import org.orderly.screening.compare.PersonDetails;
import org.orderly.screening.index.CandidateIndex;
import org.orderly.screening.watchlist.DocumentEntry;
import org.orderly.screening.watchlist.PersonEntry;
import org.orderly.screening.watchlist.Watchlist;

/**
 * Screens persons and documents against watchlists: persons through the candidate index and the name comparator,
 * returning explained hits best first; documents by exact normalised number and issuing state. Safe for concurrent use.
 */
public final class Screener {
    /** The comparator given, weighing name parts by how often the index counted them on the lists. */
    private final NameComparator comparator;

    private final CandidateIndex index;
    private final NameFeatures[] names;
    private final int[] nameEntry;
    private final boolean[] nameIsAlias;
    private final PersonEntry[] entries;
    private final String[] entryList;
    private final Map<String, List<DocumentHit>> documents = new HashMap<>();
    private final List<UnreadableName> unreadable = new ArrayList<>();

    /**
     * A listed name (or alias) with no letter Orderly can read (punctuation, symbols, digits alone): it cannot be
     * screened by name, so it is reported rather than silently left out.
     */
    public record UnreadableName(String watchlist, String entryId, String name) {}

    public Screener(List<Watchlist> watchlists) {
        this(watchlists, new NameComparator());
    }

    public Screener(List<Watchlist> watchlists, NameComparator comparator) {
        this(watchlists, comparator, null);
    }

    /**
     * Screens against these lists with the index saved at {@code savedIndex} by {@link #saveIndex} for the same lists
     * and comparator (built afresh when null); a saved index that does not fit is refused
     * ({@link org.orderly.screening.index.SavedIndexException}).
     */
    public Screener(List<Watchlist> watchlists, NameComparator comparator, java.nio.file.Path savedIndex) {
        List<PersonEntry> allEntries = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<NameFeatures> allNames = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Boolean> aliases = new ArrayList<>();
        for (Watchlist watchlist : watchlists) {
            for (PersonEntry person : watchlist.persons()) {
                int ordinal = allEntries.size();
                allEntries.add(person);
                lists.add(watchlist.name());
                if (!addName(comparator, person.name(), ordinal, false, allNames, owners, aliases)) {
                    unreadable.add(new UnreadableName(watchlist.name(), person.id(), person.name()));
                }
                for (String alias : person.aliases()) {
                    if (!addName(comparator, alias, ordinal, true, allNames, owners, aliases)) {
                        unreadable.add(new UnreadableName(watchlist.name(), person.id(), alias));
                    }
                }
            }
            for (DocumentEntry document : watchlist.documents()) {
                documents
                        .computeIfAbsent(document.number(), n -> new ArrayList<>())
                        .add(new DocumentHit(watchlist.name(), document));
            }
        }
        this.entries = allEntries.toArray(new PersonEntry[0]);
        this.entryList = lists.toArray(new String[0]);
        this.names = allNames.toArray(new NameFeatures[0]);
        this.nameEntry = owners.stream().mapToInt(Integer::intValue).toArray();
        this.nameIsAlias = new boolean[aliases.size()];
        for (int i = 0; i < nameIsAlias.length; i++) {
            nameIsAlias[i] = aliases.get(i);
        }
        List<org.orderly.screening.compare.BirthDate> births = new ArrayList<>(nameEntry.length);
        List<String> nationalities = new ArrayList<>(nameEntry.length);
        for (int owner : nameEntry) {
            births.add(entries[owner].birthDate());
            nationalities.add(entries[owner].nationality());
        }
        try {
            this.index = savedIndex == null
                    ? new CandidateIndex(
                            allNames, comparator.threshold(), births, nationalities, comparator.givenNames())
                    : CandidateIndex.open(
                            savedIndex,
                            allNames,
                            comparator.threshold(),
                            births,
                            nationalities,
                            comparator.givenNames());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the saved index " + savedIndex, e);
        }
        this.comparator = comparator.withPartFrequencies(index.partFrequencies(), names.length);
    }

    /**
     * Writes the built index, so that the same lists can be screened again without building it. It is derived from
     * personal data: the command line writes it to a file only its owner may read.
     */
    public void saveIndex(java.io.OutputStream out) throws java.io.IOException {
        index.save(out);
    }

    /** Adds a listed name; false when it has no letter to compare. */
    private static boolean addName(
            NameComparator comparator,
            String name,
            int ordinal,
            boolean alias,
            List<NameFeatures> allNames,
            List<Integer> owners,
            List<Boolean> aliases) {
        NameFeatures features = comparator.features(name);
        if (features.tokens().isEmpty()) {
            return false;
        }
        allNames.add(features);
        owners.add(ordinal);
        aliases.add(alias);
        return true;
    }

    /** The listed names and aliases that cannot be screened by name, in list order. */
    public List<UnreadableName> unreadableNames() {
        return List.copyOf(unreadable);
    }

    public NameComparator comparator() {
        return comparator;
    }

    /** Number of listed persons. */
    public int size() {
        return entries.length;
    }

    /** Hits for a person, best first, found through the candidate index. */
    public List<Hit> screen(PersonDetails query) {
        NameFeatures features = comparator.features(query.name());
        return hits(query, features, index.candidates(features, query.birthDate(), query.nationality()));
    }

    /** How many listed names the index hands to the comparator for this person (a figure for benchmarks). */
    public int candidateCount(PersonDetails query) {
        return index.candidates(comparator.features(query.name()), query.birthDate(), query.nationality()).length;
    }

    /** Hits for a person found by scoring every listed name: the baseline the index is measured against. */
    public List<Hit> screenExhaustively(PersonDetails query) {
        NameFeatures features = comparator.features(query.name());
        int[] all = new int[names.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return hits(query, features, all);
    }

    /** Listed documents with this number (normalised) and, when given, this issuing state. */
    public List<DocumentHit> screenDocument(String number, String issuingState) {
        List<DocumentHit> found = documents.getOrDefault(DocumentEntry.normaliseNumber(number), List.of());
        if (issuingState == null || issuingState.isBlank()) {
            return found;
        }
        String state = issuingState.trim().toUpperCase(java.util.Locale.ROOT);
        return found.stream()
                .filter(h -> h.entry().issuingState().isEmpty()
                        || h.entry().issuingState().equals(state))
                .toList();
    }

    private List<Hit> hits(PersonDetails query, NameFeatures features, int[] candidates) {
        double threshold = comparator.threshold();
        // Names reaching the threshold are few: keep them in a small map, never touched for the others.
        Map<Integer, Integer> bestNameOfEntry = new HashMap<>();
        Map<Integer, Double> bestScore = new HashMap<>();
        for (int name : candidates) {
            int entry = nameEntry[name];
            PersonEntry person = entries[entry];
            double score = comparator.score(
                    features,
                    query.birthDate(),
                    query.nationality(),
                    names[name],
                    person.birthDate(),
                    person.nationality());
            if (score >= threshold && score > bestScore.getOrDefault(entry, -1.0)) {
                bestScore.put(entry, score);
                bestNameOfEntry.put(entry, name);
            }
        }
        if (bestNameOfEntry.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(bestNameOfEntry.size());
        for (Map.Entry<Integer, Integer> best : bestNameOfEntry.entrySet()) {
            int entry = best.getKey();
            int name = best.getValue();
            PersonEntry person = entries[entry];
            Comparison comparison = comparator.compare(
                    features,
                    query.birthDate(),
                    query.nationality(),
                    names[name],
                    person.birthDate(),
                    person.nationality());
            List<String> fields = new ArrayList<>();
            fields.add(nameIsAlias[name] ? "alias" : "name");
            if (comparison.birthDateAdjustment() > 0) {
                fields.add("birth_date");
            }
            if (comparison.nationalityAdjustment() > 0) {
                fields.add("nationality");
            }
            hits.add(new Hit(
                    entryList[entry],
                    person,
                    comparison.score(),
                    names[name].name().original(),
                    fields,
                    comparison));
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(h -> h.entry().id()));
        return hits;
    }
}
