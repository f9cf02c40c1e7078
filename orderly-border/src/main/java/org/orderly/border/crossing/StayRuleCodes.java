package org.orderly.border.crossing;

import java.time.LocalDate;
import java.util.Locale;
import org.orderly.border.stay.Stay;
import org.orderly.border.stay.StayRule;

/**
 * The one reader and writer of stay rules as short text (a crossing's rule, the calculator's and the command line's
 * {@code --rule}), so that a ledger row, a CSV line or a stream event can carry it:
 * {@code 90/180} (N days in any M), {@code 30d} (N days per entry), {@code visa:FROM..UNTIL:ENTRIES:DAYS/WINDOW}
 * (entries 0 for multiple), {@code not-counted:TITLE[:UNTIL]}.
 */
public final class StayRuleCodes {
    /** Codes already read: a stream carries few distinct rules, and reading one is the costliest step of a crossing. */
    private static final java.util.concurrent.ConcurrentHashMap<String, StayRule> READ =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int READ_LIMIT = 10_000;

    private StayRuleCodes() {}

    public static String code(StayRule rule) {
        return rule.match(
                w -> w.stayDays() + "/" + w.windowDays(),
                f -> f.stayDays() + "d",
                v -> "visa:" + v.validFrom() + ".." + v.validUntil() + ":" + v.entries() + ":" + v.durationDays() + "/"
                        + v.windowDays(),
                n -> "not-counted:" + n.title().name().toLowerCase(Locale.ROOT)
                        + (n.until() == null ? "" : ":" + n.until()));
    }

    /**
     * Reads a rule code.
     *
     * @throws IllegalArgumentException naming the code and what is wrong with it
     */
    public static StayRule parse(String code) {
        StayRule known = code == null ? null : READ.get(code);
        if (known != null) return known;
        StayRule rule = read(code);
        if (READ.size() >= READ_LIMIT) READ.clear();
        READ.put(code, rule);
        return rule;
    }

    private static StayRule.RollingWindow rollingWindow(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2)
            throw new IllegalArgumentException(
                    "rule '" + text + "' is not N/M (days in any window of days), e.g. 90/180");
        try {
            return new StayRule.RollingWindow(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "rule '" + text + "' is not N/M with whole numbers of days, e.g. 90/180");
        }
    }

    private static StayRule read(String code) {
        String text = code == null ? "" : code.strip();
        try {
            if (text.startsWith("visa:")) {
                String[] parts = text.split(":");
                String[] validity = parts[1].split("\\.\\.");
                String[] limit = parts[3].split("/");
                return new StayRule.VisaTerms(
                        LocalDate.parse(validity[0]),
                        LocalDate.parse(validity[1]),
                        Integer.parseInt(parts[2]),
                        Integer.parseInt(limit[0]),
                        Integer.parseInt(limit[1]));
            }
            if (text.startsWith("not-counted:")) {
                String[] parts = text.split(":");
                return new StayRule.NotCounted(
                        Stay.Title.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                        parts.length > 2 ? LocalDate.parse(parts[2]) : null);
            }
            if (text.endsWith("d"))
                return new StayRule.FixedDuration(Integer.parseInt(text.substring(0, text.length() - 1)));
            if (text.contains("/")) return rollingWindow(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stay rule '" + code + "' cannot be read: " + e.getMessage()
                    + " (write 90/180, 30d, visa:FROM..UNTIL:ENTRIES:DAYS/WINDOW or not-counted:TITLE[:UNTIL])");
        }
        throw new IllegalArgumentException("stay rule '" + code
                + "' is not 90/180, 30d, visa:FROM..UNTIL:ENTRIES:DAYS/WINDOW or not-counted:TITLE[:UNTIL]");
    }
}
