package org.orderly.negotiation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A negotiation: its parties (ISO 3166-1 alpha-3 codes, or profile names for abstract domains),
 * the issues on the table, the regime norms every proposal must meet, and the margin by which each
 * party must beat its reservation value for a deal to be individually rational.
 */
public record Negotiation(
        String id, String title, List<String> parties, List<Issue> issues, List<Norm> norms, long margin) {
    public Negotiation {
        Objects.requireNonNull(id, "negotiation id");
        if (id.isBlank()) throw new IllegalArgumentException("negotiation id is blank");
        title = title == null || title.isBlank() ? id : title;
        parties = List.copyOf(parties);
        issues = List.copyOf(issues);
        norms = norms == null ? List.of() : List.copyOf(norms);
        if (parties.size() < 2) throw new IllegalArgumentException("negotiation " + id + " needs at least two parties");
        if (issues.isEmpty()) throw new IllegalArgumentException("negotiation " + id + " has no issues");
        if (margin < 0) throw new IllegalArgumentException("negotiation " + id + " has a negative margin " + margin);
        List<String> problems = new ArrayList<>();
        if (new HashSet<>(parties).size() != parties.size()) problems.add("a party is listed twice");
        Set<String> issueIds = new HashSet<>();
        for (Issue issue : issues) {
            if (!issueIds.add(issue.id())) problems.add("issue " + issue.id() + " is listed twice");
            if (issue.template() != null) {
                for (String state : issue.template().states()) {
                    if (!parties.contains(state))
                        problems.add("issue " + issue.id() + " names " + state + ", who is not a party");
                }
            }
        }
        Set<String> normIds = new HashSet<>();
        List<Issue> listed = issues;
        for (Norm norm : norms) {
            if (!normIds.add(norm.id())) problems.add("norm " + norm.id() + " is listed twice");
            norm.match(
                    r -> {
                        checkOptions(listed, r.id(), r.ifIssue(), r.ifOptions(), problems);
                        checkOptions(listed, r.id(), r.thenIssue(), r.thenOptions(), problems);
                        return r;
                    },
                    f -> {
                        checkOptions(listed, f.id(), f.issue(), f.options(), problems);
                        return f;
                    });
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("negotiation " + id + ": " + String.join("; ", problems));
    }

    private static void checkOptions(
            List<Issue> issues, String normId, String issueId, Set<String> options, List<String> problems) {
        Optional<Issue> issue =
                issues.stream().filter(i -> i.id().equals(issueId)).findFirst();
        if (issue.isEmpty()) {
            problems.add("norm " + normId + " names unknown issue " + issueId);
            return;
        }
        for (String option : options) {
            if (issue.get().option(option).isEmpty())
                problems.add("norm " + normId + " names unknown option " + option + " of issue " + issueId);
        }
    }

    public Optional<Issue> issue(String issueId) {
        return issues.stream().filter(i -> i.id().equals(issueId)).findFirst();
    }

    /** Checks every norm against the deal, in the order the norms are listed. */
    public List<Norm.Check> check(Deal deal) {
        return norms.stream().map(n -> n.check(this, deal)).toList();
    }

    /** Whether the deal settles every issue with one of its options and meets every norm. */
    public boolean admits(Deal deal) {
        for (Issue issue : issues) {
            String chosen = deal.choices().get(issue.id());
            if (chosen == null || issue.option(chosen).isEmpty()) return false;
        }
        return check(deal).stream().allMatch(Norm.Check::met);
    }

    /** Fails with a message naming the problem unless the deal settles exactly this negotiation's issues. */
    public void requireComplete(Deal deal) {
        for (Issue issue : issues) {
            String chosen = deal.choices().get(issue.id());
            if (chosen == null) throw new IllegalArgumentException("the deal does not settle issue " + issue.id());
            if (issue.option(chosen).isEmpty())
                throw new IllegalArgumentException("issue " + issue.id() + " has no option " + chosen);
        }
        for (String issueId : deal.choices().keySet()) {
            if (issue(issueId).isEmpty())
                throw new IllegalArgumentException("the deal settles unknown issue " + issueId);
        }
    }
}
