package org.orderly.store;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an import would do to the rows it replaces, and the guard against a bad file wiping the registry: an import
 * that would remove most of the rows it replaces, or whose rows or states covered fall far short of what is there now
 * (a header-only file, a file cut at a row boundary or mid-row), or that drops every row of a group that has rows now
 * (a passport in a visa matrix, a state in a treaty's status: a download cut short loses the groups at its end), is
 * refused unless the caller forces it.
 *
 * @param what           the rows in words, e.g. "entry policies"
 * @param current        keys of the rows in place now
 * @param incoming       keys of the rows the file brings
 * @param currentStates  states covered by the rows now
 * @param incomingStates states covered by the file's rows
 * @param groups         the groups in words, e.g. "passports"
 * @param currentGroups  rows now, by group
 * @param incomingGroups rows the file brings, by group, iterated in the file's order
 */
record Replacement(
        String what,
        Set<String> current,
        Set<String> incoming,
        Set<String> currentStates,
        Set<String> incomingStates,
        String groups,
        Map<String, Integer> currentGroups,
        Map<String, Integer> incomingGroups) {
    /** More than this share of the current rows removed counts as removing most of them. */
    static final double MOST = 0.5;
    /** Rows or states covered below this share of the current ones fall far short. */
    static final double FAR_SHORT = 0.75;

    /** The rows in place now that the file would remove. */
    int removed() {
        Set<String> gone = new HashSet<>(current);
        gone.removeAll(incoming);
        return gone.size();
    }

    /**
     * Refuses the import (naming the numbers) when it looks like a damaged file, unless forced.
     *
     * @throws ImportException naming the file and the numbers; nothing is written
     */
    void check(Path file, boolean force) {
        if (force || current.isEmpty()) return;
        int removed = removed();
        StringBuilder reasons = new StringBuilder();
        if (removed > MOST * current.size())
            reasons.append("; it would remove ")
                    .append(removed)
                    .append(" of them (")
                    .append(percent(removed, current.size()))
                    .append(")");
        if (incoming.size() < FAR_SHORT * current.size())
            reasons.append("; it holds ")
                    .append(percent(incoming.size(), current.size()))
                    .append(" as many rows");
        if (incomingStates.size() < FAR_SHORT * currentStates.size())
            reasons.append("; it covers ")
                    .append(incomingStates.size())
                    .append(" of the ")
                    .append(currentStates.size())
                    .append(" states covered now");
        List<String> dropped = currentGroups.keySet().stream()
                .filter(group -> !incomingGroups.containsKey(group))
                .sorted()
                .toList();
        if (!dropped.isEmpty()) {
            int rows = dropped.stream().mapToInt(currentGroups::get).sum();
            reasons.append("; it drops all ")
                    .append(rows)
                    .append(" ")
                    .append(what)
                    .append(" of ")
                    .append(dropped.size())
                    .append(" ")
                    .append(groups)
                    .append(" that have them now (")
                    .append(String.join(", ", dropped.subList(0, Math.min(12, dropped.size()))))
                    .append(dropped.size() > 12 ? ", …)" : ")");
            String last = null;
            for (String group : incomingGroups.keySet()) last = group;
            if (last != null && incomingGroups.get(last) < currentGroups.getOrDefault(last, 0)) {
                reasons.append(", and its last, ")
                        .append(last)
                        .append(", brings ")
                        .append(incomingGroups.get(last))
                        .append(" of its ")
                        .append(currentGroups.get(last))
                        .append(": a download cut short ends so");
            }
        }
        if (reasons.length() == 0) return;
        throw new ImportException(
                file,
                0,
                "refused as a likely damaged or incomplete file: it would replace " + current.size() + " "
                        + what + " covering " + currentStates.size() + " states with " + incoming.size() + " covering "
                        + incomingStates.size() + reasons
                        + ". If this is intended, force it with --replace on the command line "
                        + "or replace=true in the API");
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }
}
