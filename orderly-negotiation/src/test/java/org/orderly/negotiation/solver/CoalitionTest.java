package org.orderly.negotiation.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderly.negotiation.CommitmentTemplate;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Option;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;
import org.orderly.regime.Commitment;

/** Plurilateral deals: which coalitions can agree when all cannot, checked against visiting every deal. */
class CoalitionTest {
    private static final List<String> STATES = List.of("DEU", "MAR", "SEN", "TUN");
    private final DealSolver solver = new DealSolver();

    @Test
    void findsTheSubCoalitionWhenOneReservationBlocksTheGrandCoalition() {
        Table blocked = tunisiaShortBy(5);
        assertThat(bestJointGain(blocked, Set.of("DEU", "MAR", "SEN"))).isNotNull();

        assertThat(solver.propose(blocked, Objective.JOINT)).isInstanceOf(Outcome.NoDeal.class);
        List<Coalition> coalitions = solver.coalitions(blocked, 100);

        assertThat(memberSets(coalitions))
                .isEqualTo(maximalAgreeingCoalitions(blocked))
                .contains(Set.of("DEU", "MAR", "SEN"));
        Coalition trio = coalitions.stream()
                .filter(c -> c.members().equals(List.of("DEU", "MAR", "SEN")))
                .findFirst()
                .orElseThrow();
        assertThat(trio.deal().deal().choices().entrySet())
                .filteredOn(e -> e.getKey().contains("TUN"))
                .isNotEmpty()
                .allMatch(e -> e.getValue().equals("none"));
        assertThat(trio.deal().value()).isEqualTo((double) bestJointGain(blocked, Set.copyOf(trio.members())));
    }

    @Test
    void diagnosisNamesTheBlockingPartyAndItsShortfall() {
        Table blocked = tunisiaShortBy(5);

        Outcome.NoDeal noDeal = solver.diagnose(blocked);

        Outcome.Blocker tunisia = noDeal.blockers().stream()
                .filter(b -> b.party().equals("TUN"))
                .findFirst()
                .orElseThrow();
        long required =
                blocked.valuation("TUN").reservation() + blocked.negotiation().margin();
        assertThat(tunisia.required()).isEqualTo(required);
        assertThat(tunisia.bestUtility()).isEqualTo(bestUtilityWhileOthersAgree(blocked, "TUN"));
        assertThat(tunisia.shortfall()).isEqualTo(5);
        assertThat(noDeal.reason()).contains("TUN (short by 5)");
        Table lowered = blocked.with(blocked.valuation("TUN")
                .withReservation(blocked.valuation("TUN").reservation() - 5));
        assertThat(solver.propose(lowered, Objective.JOINT)).isInstanceOf(Outcome.Proposal.class);
    }

    /** The four-state domain with Tunisia's reservation set 5 points above what it can get while the others agree. */
    private static Table tunisiaShortBy(long shortfall) {
        Table table = bilateral(STATES, 11, 8);
        long best = bestUtilityWhileOthersAgree(table, "TUN");
        return table.with(table.valuation("TUN")
                .withReservation(best - table.negotiation().margin() + shortfall));
    }

    private static long bestUtilityWhileOthersAgree(Table table, String party) {
        Set<String> all = Set.copyOf(table.negotiation().parties());
        Set<String> others = all.stream().filter(p -> !p.equals(party)).collect(Collectors.toSet());
        return dealsAmong(table, all).stream()
                .filter(d -> agrees(table, others, d))
                .mapToLong(d -> table.utility(party, d))
                .max()
                .orElseThrow();
    }

    static LongStream seeds() {
        return Seeds.cases(30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void coalitionsAreTheMaximalOnesThatCanAgreeWithTheirBestJointGain(long seed) {
        Table table = bilateral(STATES.subList(0, 3 + (int) (seed % 2)), seed, 20);
        Seeds.check(seed, () -> table, () -> {
            List<Coalition> coalitions = solver.coalitions(table, 100);
            assertThat(memberSets(coalitions)).isEqualTo(maximalAgreeingCoalitions(table));
            for (Coalition coalition : coalitions) {
                Set<String> members = Set.copyOf(coalition.members());
                assertThat(coalition.deal().value()).isEqualTo((double) bestJointGain(table, members));
                assertThat(coalition.deal().proof()).isEqualTo(Proof.OPTIMAL);
            }
        });
    }

    /**
     * One issue per ordered pair of states (the first grants the second labour access): options
     * none / small / large with three states, none / small with four (4,096 deals to visit);
     * reservations between −2 and {@code reservationSpread} − 3.
     */
    private static Table bilateral(List<String> states, long seed, int reservationSpread) {
        Random random = new Random(seed);
        List<Issue> issues = new ArrayList<>();
        for (String grantor : states) {
            for (String beneficiary : states) {
                if (grantor.equals(beneficiary)) continue;
                var template = new CommitmentTemplate(
                        Commitment.Kind.LEGAL_CHANNEL, Set.of(grantor), Set.of(beneficiary), Map.of());
                List<Option> options =
                        new ArrayList<>(List.of(Option.none("none", null), Option.of("small", null, 1000)));
                if (states.size() == 3) options.add(Option.of("large", null, 5000));
                issues.add(new Issue(beneficiary + "-to-" + grantor, null, template, options));
            }
        }
        Map<String, Valuation> valuations = new HashMap<>();
        for (String party : states) {
            Map<String, Map<String, Long>> values = new LinkedHashMap<>();
            for (Issue issue : issues) {
                boolean grants = issue.template().grantors().contains(party);
                boolean receives = issue.template().beneficiaries().contains(party);
                long sign = grants ? -1 : receives ? 1 : 0;
                long weight = 2 + random.nextInt(9);
                Map<String, Long> optionValues =
                        new HashMap<>(Map.of("none", 0L, "small", sign * weight + random.nextInt(3)));
                if (issue.options().size() == 3) optionValues.put("large", sign * 2 * weight + random.nextInt(5) - 2);
                values.put(issue.id(), optionValues);
            }
            valuations.put(party, new Valuation(party, values, List.of(), random.nextInt(reservationSpread) - 2));
        }
        return new Table(
                new Negotiation("coalitions" + seed, null, states, issues, List.of(), random.nextInt(2)), valuations);
    }

    private static Set<Set<String>> memberSets(List<Coalition> coalitions) {
        return coalitions.stream()
                .map(c -> (Set<String>) new HashSet<>(c.members()))
                .collect(Collectors.toSet());
    }

    /** Every deal in which issues naming an outsider stay at "none", by visiting them all. */
    private static List<Deal> dealsAmong(Table table, Set<String> members) {
        List<Deal> deals = new ArrayList<>();
        List<Issue> issues = table.negotiation().issues();
        int[] choice = new int[issues.size()];
        while (true) {
            Map<String, String> map = new LinkedHashMap<>();
            boolean allowed = true;
            for (int i = 0; i < issues.size(); i++) {
                Issue issue = issues.get(i);
                String option = issue.options().get(choice[i]).id();
                allowed &= members.containsAll(issue.template().states()) || option.equals("none");
                map.put(issue.id(), option);
            }
            if (allowed && table.negotiation().admits(new Deal(map))) deals.add(new Deal(map));
            int i = issues.size() - 1;
            while (i >= 0 && ++choice[i] == issues.get(i).options().size()) choice[i--] = 0;
            if (i < 0) return deals;
        }
    }

    private static boolean agrees(Table table, Set<String> members, Deal deal) {
        return members.stream()
                .allMatch(p -> table.gain(p, deal) >= table.negotiation().margin());
    }

    /** The best joint gain of the members among deals they all accept, or null when there is none. */
    private static Long bestJointGain(Table table, Set<String> members) {
        Long best = null;
        for (Deal deal : dealsAmong(table, members)) {
            if (!agrees(table, members, deal)) continue;
            long joint = members.stream().mapToLong(p -> table.gain(p, deal)).sum();
            if (best == null || joint > best) best = joint;
        }
        return best;
    }

    private static long bestGainOf(Table table, String party) {
        Set<String> all = Set.copyOf(table.negotiation().parties());
        return dealsAmong(table, all).stream()
                .mapToLong(d -> table.gain(party, d))
                .max()
                .orElseThrow();
    }

    private static Set<Set<String>> maximalAgreeingCoalitions(Table table) {
        List<String> parties = table.negotiation().parties();
        List<Set<String>> agreeing = new ArrayList<>();
        for (int mask = 0; mask < 1 << parties.size(); mask++) {
            if (Integer.bitCount(mask) < 2) continue;
            Set<String> members = new HashSet<>();
            for (int p = 0; p < parties.size(); p++) if ((mask & 1 << p) != 0) members.add(parties.get(p));
            if (bestJointGain(table, members) != null) agreeing.add(members);
        }
        return agreeing.stream()
                .filter(s -> agreeing.stream().noneMatch(t -> t.size() > s.size() && t.containsAll(s)))
                .collect(Collectors.toSet());
    }
}
