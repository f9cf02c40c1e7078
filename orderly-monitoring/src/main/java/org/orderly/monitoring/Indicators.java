package org.orderly.monitoring;

import java.util.List;
import java.util.Optional;

/** The indicators Orderly ships, as data: what each measures, its unit, its target and the sources it reads. */
public final class Indicators {
    /** The Global Compact for Migration's objective 20 and SDG target 10.c: remittance costs below 3 %. */
    public static final double REMITTANCE_COST_TARGET = 3.0;

    public static final Indicator IMPLEMENTATION_GAPS = new Indicator(
            "implementation-gaps",
            "Implementation gaps",
            "Passports to which a state owes visa-free entry (a visa waiver or free movement in force) but whose holders, by the "
                    + "visa matrix of the same date, need a visa or may not enter",
            "pairs",
            "visa-waiver and free-movement commitments in force (target: 0)",
            "for every commitment in force that fixes a travel answer, compare with the observed national policy on the snapshot's date",
            List.of("Orderly registry (commitments, participations)", "Passport Index visa matrix snapshots"));
    public static final Indicator VISA_OPENNESS = new Indicator(
            "visa-openness",
            "Visa openness",
            "Passports a state admits without a visa applied for in advance (visa free, visa on arrival, electronic travel authorisation)",
            "passports",
            "",
            "count per destination on each snapshot's date; the full breakdown by kind is given beside it",
            List.of("Passport Index visa matrix snapshots"));
    public static final Indicator VISA_RECIPROCITY = new Indicator(
            "visa-reciprocity",
            "Visa reciprocity",
            "Share of partner states a state treats as they treat it (the same requirement kind both ways)",
            "share (0–1)",
            "",
            "reciprocal partners / partners listed both ways, per snapshot",
            List.of("Passport Index visa matrix snapshots"));
    public static final Indicator VISA_RESTRICTIONS_IMPOSED = new Indicator(
            "visa-restrictions-imposed",
            "Visa requirements imposed",
            "Passports for which a state began to require a visa (or barred entry) since the previous snapshot",
            "passports",
            "",
            "changes of kind 'imposed' between consecutive snapshots, per destination",
            List.of("Passport Index visa matrix snapshots"));
    public static final Indicator VISA_RESTRICTIONS_LIFTED = new Indicator(
            "visa-restrictions-lifted",
            "Visa requirements lifted",
            "Passports for which a state stopped requiring a visa (or lifted a ban) since the previous snapshot",
            "passports",
            "",
            "changes of kind 'lifted' between consecutive snapshots, per destination",
            List.of("Passport Index visa matrix snapshots"));
    public static final Indicator REMITTANCE_COST_TO = new Indicator(
            "remittance-cost-to",
            "Cost of sending remittances to a country",
            "Average transaction cost of sending USD 200 to the country",
            "% of amount sent",
            "below 3 % (Global Compact objective 20, SDG 10.c)",
            "as published by the World Bank (WDI SI.RMT.COST.IB.ZS), per year",
            List.of("World Bank WDI export SI.RMT.COST.IB.ZS (Remittance Prices Worldwide)"));
    public static final Indicator REMITTANCE_COST_FROM = new Indicator(
            "remittance-cost-from",
            "Cost of sending remittances from a country",
            "Average transaction cost of sending USD 200 from the country",
            "% of amount sent",
            "below 3 % (Global Compact objective 20, SDG 10.c)",
            "as published by the World Bank (WDI SI.RMT.COST.OB.ZS), per year",
            List.of("World Bank WDI export SI.RMT.COST.OB.ZS (Remittance Prices Worldwide)"));
    public static final Indicator READMISSION_ANSWERED_IN_TIME = new Indicator(
            "readmission-answered-in-time",
            "Readmission requests answered in time",
            "Share of readmission requests answered within the deadline of the commitment",
            "share (0–1)",
            "the answer deadline of each Readmission commitment (target: 1)",
            "answered in time / requests due",
            List.of("Orderly readmission case records"));
    public static final Indicator OVERSTAYS_PER_THOUSAND = new Indicator(
            "overstays-per-thousand-entries",
            "Overstays per 1,000 entries",
            "Overstays detected per 1,000 entries, by nationality",
            "per 1,000 entries",
            "",
            "overstay alerts / entries × 1,000",
            List.of("Orderly crossings ledger"));
    public static final Indicator TRANSFERS_REFUSED = new Indicator(
            "personal-data-transfers-refused",
            "Personal-data transfers refused",
            "Transfers of personal data refused because no sharing commitment allowed them, with the reasons",
            "transfers",
            "DataSharing commitments",
            "count of refused transfers in the audit log, by reason",
            List.of("Orderly audit log"));

    public static final Indicator QUOTA_USE = new Indicator(
            "quota-use",
            "Quota places granted",
            "Places of a legal channel's quota granted in a year, against the quota (per channel and year)",
            "places",
            "the channel's quota for the year",
            "granted places in Orderly's quota ledger; the quota the ledger opened with as target",
            List.of("Orderly quota ledgers", "Orderly registry (legal channels and their quotas)"),
            Indicator.Subjects.CHANNELS);
    public static final Indicator QUOTA_UNUSED = new Indicator(
            "quota-unused",
            "Quota places unused",
            "Places of a legal channel's quota not (yet) granted in a year (per channel and year)",
            "places",
            "",
            "quota places − granted places in Orderly's quota ledger",
            List.of("Orderly quota ledgers", "Orderly registry (legal channels and their quotas)"),
            Indicator.Subjects.CHANNELS);
    public static final Indicator CHANNELS_PER_CORRIDOR = new Indicator(
            "channels-per-corridor",
            "Legal channels per corridor",
            "Legal channels in force from an origin into a destination (subject destination→origin)",
            "channels",
            "",
            "channels open to the origin's nationals in the destination on the date (the finder's rule)",
            List.of("Orderly registry (legal channels, commitments, participations)"),
            Indicator.Subjects.CORRIDORS);
    public static final Indicator LEGAL_CHANNEL_OPENNESS = new Indicator(
            "legal-channel-openness",
            "Legal-channel openness by origin",
            "How many legal routes (channels in force, in every destination) are open to a national of the state",
            "routes",
            "",
            "channels open to the state's nationals across all destinations on the date (the finder's rule)",
            List.of("Orderly registry (legal channels, commitments, participations)"));

    /** Every shipped indicator, in the order pages list them. */
    public static final List<Indicator> ALL = List.of(
            IMPLEMENTATION_GAPS,
            VISA_OPENNESS,
            VISA_RECIPROCITY,
            VISA_RESTRICTIONS_IMPOSED,
            VISA_RESTRICTIONS_LIFTED,
            REMITTANCE_COST_TO,
            REMITTANCE_COST_FROM,
            READMISSION_ANSWERED_IN_TIME,
            OVERSTAYS_PER_THOUSAND,
            TRANSFERS_REFUSED,
            QUOTA_USE,
            QUOTA_UNUSED,
            CHANNELS_PER_CORRIDOR,
            LEGAL_CHANNEL_OPENNESS);

    private Indicators() {}

    /** The indicator with this id. */
    public static Optional<Indicator> byId(String id) {
        return ALL.stream().filter(indicator -> indicator.id().equals(id)).findFirst();
    }
}
