package org.orderly.negotiation.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

/**
 * Small random negotiations for property tests: 2–3 parties, 2–4 discrete issues of 2–4 options, in a third
 * of them an integer issue 0..3 with ranges in bundles (hyper-rectangles), bundles and norms.
 */
final class RandomTables {
    private static final int INTEGER_VALUES = 4;

    private RandomTables() {}

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
            for (int o = 0; o < options; o++)
                list.add(o == 0 ? Option.none("o0", "none") : Option.of("o" + o, null, o));
            issueList.add(new Issue("i" + i, null, null, list));
        }
        boolean integerIssue = random.nextInt(3) == 0;
        if (integerIssue) issueList.add(Issue.integers("n", null, null, 0, INTEGER_VALUES - 1));
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
            List<Valuation.Bundle> bundles = new ArrayList<>();
            if (random.nextBoolean()) {
                bundles.add(
                        Valuation.Bundle.of(Map.of("i0", "o1", "i1", "o" + random.nextInt(2)), random.nextInt(11) - 5));
            }
            if (integerIssue && random.nextBoolean()) {
                // A hyper-rectangle: a range on the integer issue together with a choice on i0.
                int low = random.nextInt(INTEGER_VALUES);
                int high = low + random.nextInt(INTEGER_VALUES - low);
                bundles.add(new Valuation.Bundle(
                        List.of(
                                new Valuation.Condition.Between("n", low, high),
                                new Valuation.Condition.OneOf("i0", Set.of("o" + random.nextInt(2)))),
                        random.nextInt(13) - 4));
            }
            valuations.put(party, new Valuation(party, values, bundles, random.nextInt(12)));
        }
        return new Table(negotiation, valuations);
    }
}
