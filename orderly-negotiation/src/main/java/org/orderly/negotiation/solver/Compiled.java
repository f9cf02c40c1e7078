package org.orderly.negotiation.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orderly.negotiation.Deal;
import org.orderly.negotiation.Issue;
import org.orderly.negotiation.Negotiation;
import org.orderly.negotiation.Norm;
import org.orderly.negotiation.Table;
import org.orderly.negotiation.Valuation;

/**
 * A table turned into arrays (party × issue × option values, norms as option masks) so that the
 * CP-SAT model and the exhaustive enumeration read exactly the same numbers.
 */
final class Compiled {
    final Table table;
    final Negotiation negotiation;
    final int parties;
    final int issues;
    final int[] options;
    final long[][][] value;
    final int[][][] bundleIssue;
    /** Per party, bundle and condition: which options of the condition's issue meet it. */
    final boolean[][][][] bundleMask;
    /** Per issue: whether it is an integer issue (one CP-SAT integer variable rather than one Boolean per option). */
    final boolean[] integer;

    final long[][] bundleValue;
    final long[] reservation;
    final long margin;
    /** One entry per norm: {kind(0 requires,1 forbids), ifIssue, thenIssue} with masks alongside. */
    final int[][] normIssues;

    final boolean[][] normIfMask;
    final boolean[][] normThenMask;
    final List<String> partyIds;
    private Map<String, Integer> issueIndexes;

    Compiled(Table table) {
        this.table = table;
        this.negotiation = table.negotiation();
        this.partyIds = negotiation.parties();
        this.parties = partyIds.size();
        List<Issue> issueList = negotiation.issues();
        this.issues = issueList.size();
        this.options = new int[issues];
        this.integer = new boolean[issues];
        for (int i = 0; i < issues; i++) {
            options[i] = issueList.get(i).options().size();
            integer[i] = issueList.get(i).integer();
        }
        this.value = new long[parties][issues][];
        this.bundleIssue = new int[parties][][];
        this.bundleMask = new boolean[parties][][][];
        this.bundleValue = new long[parties][];
        this.reservation = new long[parties];
        this.margin = negotiation.margin();
        for (int p = 0; p < parties; p++) {
            Valuation valuation = table.valuation(partyIds.get(p));
            reservation[p] = valuation.reservation();
            for (int i = 0; i < issues; i++) {
                Issue issue = issueList.get(i);
                value[p][i] = new long[options[i]];
                for (int o = 0; o < options[i]; o++)
                    value[p][i][o] =
                            valuation.value(issue.id(), issue.options().get(o).id());
            }
            List<Valuation.Bundle> bundles = valuation.bundles();
            bundleIssue[p] = new int[bundles.size()][];
            bundleMask[p] = new boolean[bundles.size()][][];
            bundleValue[p] = new long[bundles.size()];
            for (int b = 0; b < bundles.size(); b++) {
                List<Valuation.Condition> conditions = bundles.get(b).conditions();
                bundleIssue[p][b] = new int[conditions.size()];
                bundleMask[p][b] = new boolean[conditions.size()][];
                for (int j = 0; j < conditions.size(); j++) {
                    Valuation.Condition condition = conditions.get(j);
                    int i = issueIndex(condition.issue());
                    bundleIssue[p][b][j] = i;
                    List<org.orderly.negotiation.Option> list = issueList.get(i).options();
                    bundleMask[p][b][j] = new boolean[options[i]];
                    for (int o = 0; o < options[i]; o++) bundleMask[p][b][j][o] = condition.admits(list.get(o));
                }
                bundleValue[p][b] = bundles.get(b).value();
            }
        }
        List<Norm> norms = negotiation.norms();
        normIssues = new int[norms.size()][];
        normIfMask = new boolean[norms.size()][];
        normThenMask = new boolean[norms.size()][];
        for (int n = 0; n < norms.size(); n++) {
            int at = n;
            norms.get(n)
                    .match(
                            r -> {
                                int ifIssue = issueIndex(r.ifIssue());
                                int thenIssue = issueIndex(r.thenIssue());
                                normIssues[at] = new int[] {0, ifIssue, thenIssue};
                                normIfMask[at] = mask(ifIssue, r.ifOptions());
                                normThenMask[at] = mask(thenIssue, r.thenOptions());
                                return r;
                            },
                            f -> {
                                int issue = issueIndex(f.issue());
                                normIssues[at] = new int[] {1, issue, issue};
                                normIfMask[at] = mask(issue, f.options());
                                normThenMask[at] = new boolean[options[issue]];
                                return f;
                            });
        }
    }

    int issueIndex(String issueId) {
        if (issueIndexes == null) {
            issueIndexes = new java.util.HashMap<>();
            List<Issue> all = negotiation.issues();
            for (int i = 0; i < all.size(); i++) issueIndexes.put(all.get(i).id(), i);
        }
        Integer index = issueIndexes.get(issueId);
        if (index != null) return index;
        List<Issue> issueList = negotiation.issues();
        for (int i = 0; i < issueList.size(); i++) if (issueList.get(i).id().equals(issueId)) return i;
        throw new IllegalArgumentException("unknown issue " + issueId);
    }

    private boolean[] mask(int issue, java.util.Set<String> optionIds) {
        boolean[] mask = new boolean[options[issue]];
        Issue i = negotiation.issues().get(issue);
        for (String id : optionIds) mask[i.indexOf(id)] = true;
        return mask;
    }

    long utility(int p, int[] choice) {
        long total = 0;
        long[][] v = value[p];
        for (int i = 0; i < issues; i++) total += v[i][choice[i]];
        for (int b = 0; b < bundleValue[p].length; b++) {
            boolean all = true;
            for (int j = 0; j < bundleIssue[p][b].length && all; j++)
                all = bundleMask[p][b][j][choice[bundleIssue[p][b][j]]];
            if (all) total += bundleValue[p][b];
        }
        return total;
    }

    boolean meetsNorms(int[] choice) {
        for (int n = 0; n < normIssues.length; n++) {
            int[] spec = normIssues[n];
            if (spec[0] == 0) {
                if (normIfMask[n][choice[spec[1]]] && !normThenMask[n][choice[spec[2]]]) return false;
            } else if (normIfMask[n][choice[spec[1]]]) {
                return false;
            }
        }
        return true;
    }

    /** Upper bound on a party's utility: the best option on every issue plus every positive interaction. */
    long utilityUpperBound(int p) {
        long total = 0;
        for (int i = 0; i < issues; i++) {
            long best = Long.MIN_VALUE;
            for (long v : value[p][i]) best = Math.max(best, v);
            total += best;
        }
        for (long v : bundleValue[p]) total += Math.max(0, v);
        return total;
    }

    long utilityLowerBound(int p) {
        long total = 0;
        for (int i = 0; i < issues; i++) {
            long worst = Long.MAX_VALUE;
            for (long v : value[p][i]) worst = Math.min(worst, v);
            total += worst;
        }
        for (long v : bundleValue[p]) total += Math.min(0, v);
        return total;
    }

    Deal deal(int[] choice) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < issues; i++) {
            Issue issue = negotiation.issues().get(i);
            map.put(issue.id(), issue.options().get(choice[i]).id());
        }
        return new Deal(map);
    }

    int[] choice(Deal deal) {
        negotiation.requireComplete(deal);
        int[] choice = new int[issues];
        for (int i = 0; i < issues; i++) {
            Issue issue = negotiation.issues().get(i);
            choice[i] = issue.indexOf(deal.option(issue.id()));
        }
        return choice;
    }

    long[] utilities(int[] choice) {
        long[] u = new long[parties];
        for (int p = 0; p < parties; p++) u[p] = utility(p, choice);
        return u;
    }

    List<String> members(boolean[] in) {
        List<String> list = new ArrayList<>();
        for (int p = 0; p < parties; p++) if (in[p]) list.add(partyIds.get(p));
        return list;
    }
}
