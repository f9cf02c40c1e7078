package org.orderly.negotiation.solver;

import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Small random negotiations (2–3 parties, 2–4 issues, 2–4 options, interactions and norms) for property tests. */
final class RandomTables {
    private RandomTables() {
    }

    static Table table(long seed) {
        Random random = new Random(seed);
        int parties = 2 + random.nextInt(2);
        int issues = 2 + random.nextInt(3);
        List<String> partyIds = new ArrayList<>();
        for (int p = 0; p < parties; p++) partyIds.add("P" + p);
        List<Issue> issueList = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            int options = 2 + random.nextInt(3);
            List<Option> list = new ArrayList<>();
            for (int o = 0; o < options; o++) list.add(o == 0 ? Option.none("o0", "none") : Option.of("o" + o, null, o));
            issueList.add(new Issue("i" + i, null, null, list));
        }
        List<Norm> norms = new ArrayList<>();
        if (random.nextBoolean()) norms.add(new Norm.Requires("req", null, "i0", Set.of("o1"), "i1", Set.of("o1")));
        if (random.nextInt(3) == 0) norms.add(new Norm.Forbids("forbid", null, "i1", Set.of("o0")));
        Negotiation negotiation = new Negotiation("random" + seed, null, partyIds, issueList, norms, random.nextInt(2));
        Map<String, Valuation> valuations = new HashMap<>();
        for (String party : partyIds) {
            Map<String, Map<String, Long>> values = new LinkedHashMap<>();
            for (Issue issue : issueList) {
                Map<String, Long> optionValues = new LinkedHashMap<>();
                for (Option option : issue.options()) optionValues.put(option.id(), (long) (random.nextInt(16) - 5));
                values.put(issue.id(), optionValues);
            }
            List<Valuation.Interaction> interactions = new ArrayList<>();
            if (random.nextBoolean()) {
                interactions.add(new Valuation.Interaction(Map.of("i0", "o1", "i1", "o" + random.nextInt(2)),
                        random.nextInt(11) - 5));
            }
            valuations.put(party, new Valuation(party, values, interactions, random.nextInt(12)));
        }
        return new Table(negotiation, valuations);
    }
}
