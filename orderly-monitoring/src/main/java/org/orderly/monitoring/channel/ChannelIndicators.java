package org.orderly.monitoring.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.orderly.monitoring.Indicator;
import org.orderly.monitoring.IndicatorValue;
import org.orderly.monitoring.Indicators;
import org.orderly.monitoring.Provenance;
import org.orderly.regime.Commitment;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.channel.OpenChannels;
import org.orderly.regime.channel.Quota;

/**
 * The legal-channel indicators: each channel's quota use and unused places per year (from the quota ledgers, against the
 * quota the channel records), the channels open on each corridor (destination→origin), and how many routes are open to
 * a national of each state, on one date by the same rule as the finder ({@link OpenChannels}).
 */
public final class ChannelIndicators {
    private ChannelIndicators() {}

    /** The values of the quota and openness indicators. */
    public static List<IndicatorValue> compute(Registry registry, List<QuotaLedgerTotals> ledgers, LocalDate on) {
        List<IndicatorValue> values = new ArrayList<>();
        quotas(registry, ledgers, values);
        openness(registry, on, values);
        return values;
    }

    private static void quotas(Registry registry, List<QuotaLedgerTotals> ledgers, List<IndicatorValue> values) {
        Map<String, QuotaLedgerTotals> byKey = new LinkedHashMap<>();
        for (QuotaLedgerTotals t : ledgers) byKey.put(t.channelId() + "/" + t.year(), t);
        List<IndicatorValue> used = new ArrayList<>();
        List<IndicatorValue> unused = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Commitment c : registry.commitments()) {
            if (!(c instanceof LegalChannel channel)) continue;
            Set<Integer> years = new TreeSet<>();
            for (Quota q : channel.facts().quotas())
                if (q.year() != null && q.kind() == Quota.Kind.GLOBAL) years.add(q.year());
            for (QuotaLedgerTotals t : ledgers) if (t.channelId().equals(channel.id())) years.add(t.year());
            for (int year : years) {
                seen.add(channel.id() + "/" + year);
                QuotaLedgerTotals ledger = byKey.get(channel.id() + "/" + year);
                Optional<Quota> recorded = channel.quota(year);
                List<Provenance> provenance = new ArrayList<>();
                provenance.add(Provenance.records("quota ledger of " + channel.id() + " for " + year, null));
                recorded.ifPresent(q -> provenance.add(new Provenance(
                        "source",
                        q.provenance().source().title() + " — "
                                + q.provenance().source().reference()
                                + (q.provenance().verified() ? "" : " (unverified)"),
                        "",
                        q.provenance().source().asOf())));
                String period = Integer.toString(year);
                if (ledger == null) {
                    String why = "Orderly's ledger records no allocation of " + channel.id() + " for " + year
                            + recorded.map(q -> " (quota: " + q.describe() + ")")
                                    .orElse("");
                    used.add(IndicatorValue.noRecordsYet(Indicators.QUOTA_USE.id(), channel.id(), period, why));
                    unused.add(IndicatorValue.noRecordsYet(Indicators.QUOTA_UNUSED.id(), channel.id(), period, why));
                    continue;
                }
                String note = channel.destination() + ": " + ledger.granted() + " of " + ledger.places()
                        + " places granted, " + ledger.refused() + " refused ("
                        + ledger.procedure().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
                used.add(new IndicatorValue(
                        Indicators.QUOTA_USE.id(),
                        channel.id(),
                        period,
                        (double) ledger.granted(),
                        (double) ledger.places(),
                        note,
                        provenance));
                unused.add(new IndicatorValue(
                        Indicators.QUOTA_UNUSED.id(),
                        channel.id(),
                        period,
                        (double) (ledger.places() - ledger.granted()),
                        null,
                        note,
                        provenance));
            }
        }
        values.addAll(used);
        values.addAll(unused);
    }

    private static void openness(Registry registry, LocalDate on, List<IndicatorValue> values) {
        Rulebook rules = Rulebook.compile(registry, on);
        String period = on.toString();
        List<Provenance> provenance =
                List.of(Provenance.records("registry legal channels, commitments and participations in force", on));
        Map<String, List<String>> corridors = new TreeMap<>();
        List<IndicatorValue> byOrigin = new ArrayList<>();
        for (int o = 0; o < rules.size(); o++) {
            int routes = 0;
            Set<String> destinations = new TreeSet<>();
            for (int d = 0; d < rules.size(); d++) {
                List<LegalChannel> open = OpenChannels.between(rules, d, o);
                if (open.isEmpty()) continue;
                routes += open.size();
                destinations.add(rules.codeAt(d));
                corridors.put(
                        rules.codeAt(d) + "→" + rules.codeAt(o),
                        open.stream().map(LegalChannel::id).sorted().toList());
            }
            byOrigin.add(new IndicatorValue(
                    Indicators.LEGAL_CHANNEL_OPENNESS.id(),
                    rules.codeAt(o),
                    period,
                    (double) routes,
                    null,
                    routes + " routes into " + destinations.size() + " destinations",
                    provenance));
        }
        byOrigin.sort(Comparator.comparing(IndicatorValue::subject));
        corridors.forEach((corridor, ids) -> values.add(new IndicatorValue(
                Indicators.CHANNELS_PER_CORRIDOR.id(),
                corridor,
                period,
                (double) ids.size(),
                null,
                String.join(", ", ids),
                provenance)));
        values.addAll(byOrigin);
    }

    /** The indicators this class computes. */
    public static final List<Indicator> INDICATORS = List.of(
            Indicators.QUOTA_USE,
            Indicators.QUOTA_UNUSED,
            Indicators.CHANNELS_PER_CORRIDOR,
            Indicators.LEGAL_CHANNEL_OPENNESS);
}
