package org.orderly.regime.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.Term;
import org.orderly.regime.TravelCategory;
import org.orderly.regime.reference.ReferenceData;

/**
 * Each coherence rule on a case built from a real legal situation (the registry's own data hold none: every rule passes
 * on the shipped registry, which is checked too), with a draft that must pass clean beside it.
 */
class CoherenceRulesTest {
    static final Registry SHIPPED = ReferenceData.load();
    static final LocalDate ON = LocalDate.of(2026, 12, 6);
    static final Source DRAFTED =
            new Source("CoherenceRulesTest draft", "a draft built for the test from the situation its test names", ON);
    static final CoherenceRules CHECKER = CoherenceRules.STANDARD;

    static Instrument bilateral(String id) {
        return new Instrument(
                id,
                "Draft " + id,
                Instrument.Kind.BILATERAL_AGREEMENT,
                Instrument.Level.BILATERAL,
                true,
                LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 3, 1),
                Set.of(Pillar.LEGAL_MOVEMENT),
                DRAFTED);
    }

    static Commitment commitment(
            String id, Commitment.Kind kind, String grantor, String beneficiary, Map<String, String> terms) {
        return CommitmentTerms.toCommitment(kind, id, Scope.bilateral(grantor, beneficiary), Term.OPEN, terms, DRAFTED);
    }

    static List<Participation> parties(String id, String... parties) {
        List<Participation> list = new ArrayList<>();
        for (String p : parties)
            list.add(new Participation(
                    p, id, Participation.Status.RATIFIED, LocalDate.of(2026, 3, 1), null, List.of(), DRAFTED));
        return list;
    }

    static Draft draft(String id, Commitment commitment, String... parties) {
        return new Draft(bilateral(id), List.of(commitment), parties(id, parties));
    }

    static Registry with(Registry registry, List<Participation> more, List<EntryPolicy> policies) {
        List<Participation> participations = new ArrayList<>(registry.participations());
        participations.addAll(more);
        List<EntryPolicy> entry = new ArrayList<>(registry.entryPolicies());
        entry.addAll(policies);
        return new Registry(registry.parties(), registry.instruments(), participations, registry.commitments(), entry);
    }

    @Test
    void theShippedRegistryIsCoherentOnEveryDateItsRulesChangeAndTheCheckerRunsOverAllOfIt() {
        int dates = 0;
        for (LocalDate date : Rulebook.changeDates(SHIPPED)) {
            assertThat(CHECKER.conflicts(SHIPPED, date))
                    .as("conflicts on %s", date)
                    .isEmpty();
            dates++;
        }
        assertThat(dates).isGreaterThan(40);
    }

    // Rule 1. Nigeria is in Annex I of Regulation (EU) 2018/1806, which binds Germany: a German waiver for Nigerians
    // breaks it.
    @Test
    void aBilateralVisaWaiverForNationalsOfAnAnnexICountryByABoundStateIsAConflictNamingBothSources() {
        Draft waiver = draft(
                "DEU_NGA_VISA",
                commitment(
                        "DEU_NGA_VISA",
                        Commitment.Kind.VISA_WAIVER,
                        "DEU",
                        "NGA",
                        Map.of("stay_days", "90", "window_days", "180")),
                "DEU",
                "NGA");
        List<Conflict> found = CHECKER.conflicts(SHIPPED, waiver, ON);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("VISA_WAIVER_AGAINST_COMMON_VISA_LIST");
            assertThat(c.severity()).isEqualTo(Conflict.Severity.CONFLICT);
            assertThat(c.instruments()).containsExactly("DEU_NGA_VISA", "EU_VISA_REGULATION");
            assertThat(c.commitments())
                    .extracting(CommitmentRef::label)
                    .containsExactly("DEU_NGA_VISA #1", "EU_VISA_REGULATION #" + annexOne());
            assertThat(c.parties()).containsExactly("DEU", "NGA");
            assertThat(c.sources())
                    .extracting(Source::title)
                    .contains(DRAFTED.title())
                    .anyMatch(t -> t.startsWith("Regulation (EU) 2018/1806, art. 3(1) and Annex I"));
            assertThat(c.explanation())
                    .contains("Nigeria (NGA)")
                    .contains("Germany (DEU)")
                    .contains("may not waive");
        });
        // Japan is bound by no common list: the same waiver from Japan passes clean.
        Draft clean = draft(
                "JPN_NGA_VISA",
                commitment(
                        "JPN_NGA_VISA",
                        Commitment.Kind.VISA_WAIVER,
                        "JPN",
                        "NGA",
                        Map.of("stay_days", "90", "window_days", "180")),
                "JPN",
                "NGA");
        assertThat(CHECKER.conflicts(SHIPPED, clean, ON)).isEmpty();
        // Kosovo left Annex I on 1 January 2024 (Regulation (EU) 2023/850): a German waiver for Kosovars clashes only
        // before.
        Draft kosovo = draft(
                "DEU_XKX_VISA",
                commitment(
                        "DEU_XKX_VISA",
                        Commitment.Kind.VISA_WAIVER,
                        "DEU",
                        "XKX",
                        Map.of("stay_days", "90", "window_days", "180")),
                "DEU",
                "XKX");
        assertThat(CHECKER.conflicts(SHIPPED, kosovo, LocalDate.of(2026, 6, 1))).isEmpty();
    }

    @Test
    void aNationalWaiverThatTheVisaMatrixRecordsForAnAnnexINationalityIsARiskNotAConflict() {
        Source matrix =
                new Source("Passport Index visa matrix", "passport-index-tidy-iso3.csv", LocalDate.of(2025, 1, 12));
        Registry registry = with(
                SHIPPED,
                List.of(),
                List.of(
                        new EntryPolicy("HUN", "RUS", TravelCategory.VISA_FREE, 90, matrix),
                        new EntryPolicy("HUN", "USA", TravelCategory.VISA_FREE, 90, matrix)));
        List<Conflict> found = CHECKER.conflicts(registry, ON);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.severity()).isEqualTo(Conflict.Severity.RISK);
            assertThat(c.parties()).containsExactly("HUN", "RUS");
            assertThat(c.sources()).contains(matrix);
            assertThat(c.explanation()).contains("either the matrix is wrong");
        });
    }

    static int annexOne() {
        List<Commitment> under = SHIPPED.commitmentsUnder("EU_VISA_REGULATION");
        for (int i = 0; i < under.size(); i++) {
            if (under.get(i) instanceof org.orderly.regime.VisaObligation o
                    && o.scope() instanceof Scope.Directed d
                    && d.beneficiaries().contains("NGA")) return i + 1;
        }
        throw new AssertionError("Annex I does not list Nigeria");
    }

    // Rule 2. The EU-Pakistan readmission agreement (OJ L 287, 4.11.2010) covers third-country nationals; Pakistan is
    // party to
    // neither refugee treaty, Germany is party to CAT (UN Treaty Collection extract of 2022-08: 1990). The registry
    // does not
    // record refugee-treaty participation, so the checker says "unknown".
    static final Participation GERMANY_CAT = Participation.inYear(
            "DEU",
            "CAT",
            Participation.Status.RATIFIED,
            1990,
            new Source(
                    "UN Treaty Collection, status of CAT (extract of 2022-08)",
                    "hr_status_cat.csv: DE, Germany, state party, 1990",
                    LocalDate.of(2022, 8, 1)));

    static Draft readmission(boolean thirdCountryNationals) {
        String id = "PAK_DEU_READMISSION";
        return draft(
                id,
                commitment(
                        id,
                        Commitment.Kind.READMISSION,
                        "PAK",
                        "DEU",
                        Map.of(
                                "answer_deadline_days",
                                "30",
                                "third_country_nationals",
                                Boolean.toString(thirdCountryNationals))),
                "PAK",
                "DEU");
    }

    @Test
    void readmissionOfThirdCountryNationalsToAStateWhoseRefugeeTreatiesAreNotRecordedIsAnUnknownRiskNeverAConflict() {
        Registry registry = with(SHIPPED, List.of(GERMANY_CAT), List.of());
        List<Conflict> found = CHECKER.conflicts(registry, readmission(true), ON);
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("READMISSION_WITHOUT_REFUGEE_PROTECTION");
            assertThat(c.severity()).isEqualTo(Conflict.Severity.RISK);
            assertThat(c.explanation())
                    .contains("is unknown")
                    .contains("not recorded")
                    .contains("Convention against Torture");
            assertThat(c.instruments()).containsExactly("PAK_DEU_READMISSION", "CAT");
            assertThat(c.parties()).containsExactly("DEU", "PAK");
        });
        assertThat(CHECKER.conflicts(registry, readmission(false), ON))
                .as("own nationals only")
                .isEmpty();
        assertThat(CHECKER.conflicts(SHIPPED, readmission(true), ON))
                .as("no sender recorded as bound by non-refoulement")
                .isEmpty();
    }

    @Test
    void readmissionToAStateShownToBePartyToNeitherRefugeeTreatyIsAConflictAndToAPartyPassesClean() {
        Source recorded =
                new Source("recorded for the test: signatures only", "a status the secretariat could record", ON);
        Registry signedOnly = with(
                SHIPPED,
                List.of(
                        GERMANY_CAT,
                        new Participation(
                                "PAK",
                                "REFUGEE_1951",
                                Participation.Status.SIGNED,
                                LocalDate.of(2020, 1, 1),
                                null,
                                List.of(),
                                recorded),
                        new Participation(
                                "PAK",
                                "REFUGEE_PROTOCOL_1967",
                                Participation.Status.SIGNED,
                                LocalDate.of(2020, 1, 1),
                                null,
                                List.of(),
                                recorded)),
                List.of());
        assertThat(CHECKER.conflicts(signedOnly, readmission(true), ON))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Conflict.Severity.CONFLICT))
                .satisfies(c ->
                        assertThat(c.explanation()).contains("party to neither").contains("has only signed"));
        Registry party = with(
                SHIPPED,
                List.of(
                        GERMANY_CAT,
                        new Participation(
                                "PAK",
                                "REFUGEE_PROTOCOL_1967",
                                Participation.Status.ACCEDED,
                                LocalDate.of(2020, 1, 1),
                                null,
                                List.of(),
                                recorded)),
                List.of());
        assertThat(CHECKER.conflicts(party, readmission(true), ON)).isEmpty();
    }

    // Rule 3. A seasonal-work channel into Germany whose terms leave the workers out of social security and house them
    // apart from nationals' terms; ILO C97 art. 6(1) covers both. C97 participation is not in Orderly's public data.
    static Draft channel(String unequal) {
        String id = "DEU_GEO_SEASONAL";
        Map<String, String> terms = new java.util.HashMap<>(Map.of("sector", "agriculture", "annual_quota", "5000"));
        if (unequal != null) terms.put("unequal_treatment", unequal);
        return draft(id, commitment(id, Commitment.Kind.LEGAL_CHANNEL, "DEU", "GEO", terms), "DEU", "GEO");
    }

    @Test
    void aLabourChannelDenyingEqualTreatmentIsAConflictWhereTheHostIsBoundAndARiskWhereItsRatificationIsNotRecorded() {
        List<Conflict> unknown = CHECKER.conflicts(SHIPPED, channel("SOCIAL_SECURITY|ACCOMMODATION"), ON);
        assertThat(unknown).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("LABOUR_CHANNEL_WITHOUT_EQUAL_TREATMENT");
            assertThat(c.severity()).isEqualTo(Conflict.Severity.RISK);
            assertThat(c.explanation())
                    .contains("social security")
                    .contains("Unknown")
                    .contains("art. 6(1)")
                    .contains("art. 10");
            assertThat(c.instruments()).containsExactly("DEU_GEO_SEASONAL", "ILO_C97", "ILO_C143");
        });
        Source fixture =
                new Source("recorded for the test", "a ratification of C97 as the secretariat would record it", ON);
        Registry bound = with(
                SHIPPED,
                List.of(Participation.inYear("DEU", "ILO_C97", Participation.Status.RATIFIED, 1959, fixture)),
                List.of());
        assertThat(CHECKER.conflicts(bound, channel("SOCIAL_SECURITY"), ON))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.severity()).isEqualTo(Conflict.Severity.CONFLICT);
                    assertThat(c.explanation())
                            .contains("requires equal treatment in social security")
                            .contains("Germany (DEU) is bound by");
                    assertThat(c.parties()).containsExactly("DEU", "GEO");
                });
        assertThat(CHECKER.conflicts(bound, channel(null), ON))
                .as("equal terms")
                .isEmpty();
    }

    // Rule 4. PNR sent by a state bound by the PNR Directive (Directive (EU) 2016/681): the 2012 EU-US PNR Agreement
    // keeps
    // data up to five years active and ten dormant (art. 8), fifteen years in all.
    static Draft pnr(String purposes, int days) {
        String id = "DEU_USA_PNR";
        return draft(
                id,
                commitment(
                        id,
                        Commitment.Kind.DATA_SHARING,
                        "DEU",
                        "USA",
                        Map.of(
                                "dataset",
                                "PNR",
                                "purposes",
                                purposes,
                                "fields",
                                "name|itinerary",
                                "retention_days",
                                Integer.toString(days))),
                "DEU",
                "USA");
    }

    @Test
    void dataSharingBeyondTheFloorThatBindsTheSenderIsAConflictForPurposesAndARiskForRetention() {
        assertThat(CHECKER.conflicts(SHIPPED, pnr("serious crime|terrorist offences|border control", 1826), ON))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo("DATA_SHARING_BEYOND_PROTECTION_FLOOR");
                    assertThat(c.severity()).isEqualTo(Conflict.Severity.CONFLICT);
                    assertThat(c.explanation()).contains("border control").contains("does not allow");
                    assertThat(c.instruments()).containsExactly("DEU_USA_PNR", "EU_PNR_DIRECTIVE");
                    assertThat(c.sources())
                            .extracting(Source::title)
                            .anyMatch(t -> t.contains("arts 1(2), 11(1) and 12(1)"));
                });
        assertThat(CHECKER.conflicts(SHIPPED, pnr("serious crime|terrorist offences", 15 * 365), ON))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Conflict.Severity.RISK))
                .satisfies(c -> assertThat(c.explanation()).contains("5475 days"));
        assertThat(CHECKER.conflicts(SHIPPED, pnr("Serious crime|terrorist offences", 1826), ON))
                .isEmpty();
        Draft fromJapan = draft(
                "JPN_USA_PNR",
                commitment(
                        "JPN_USA_PNR",
                        Commitment.Kind.DATA_SHARING,
                        "JPN",
                        "USA",
                        Map.of(
                                "dataset",
                                "PNR",
                                "purposes",
                                "border control",
                                "fields",
                                "name",
                                "retention_days",
                                "9000")),
                "JPN",
                "USA");
        assertThat(CHECKER.conflicts(SHIPPED, fromJapan, ON))
                .as("no floor binds Japan")
                .isEmpty();
    }

    // Rule 5. A commitment dated before its party's participation begins, or after it ended.
    @Test
    void aCommitmentByAPartyBeforeTheInstrumentBindsItOrAfterItLeftIsAConflictAndWithNoParticipationARisk() {
        String id = "DEU_MAR_MOBILITY";
        Commitment access = CommitmentTerms.toCommitment(
                Commitment.Kind.LEGAL_CHANNEL,
                id,
                Scope.bilateral("DEU", "MAR"),
                new Term(LocalDate.of(2026, 6, 1), null),
                Map.of("sector", "health", "annual_quota", "200"),
                DRAFTED);
        Draft early = new Draft(
                bilateral(id),
                List.of(access),
                List.of(new Participation(
                        "DEU", id, Participation.Status.RATIFIED, LocalDate.of(2027, 1, 1), null, List.of(), DRAFTED)));
        assertThat(CHECKER.conflicts(SHIPPED, early, ON)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("COMMITMENT_OUTSIDE_PARTICIPATION");
            assertThat(c.severity()).isEqualTo(Conflict.Severity.CONFLICT);
            assertThat(c.explanation()).contains("only from 2027-01-01").contains("leaves that grantor out");
            assertThat(c.parties()).containsExactly("DEU");
        });
        Draft left = new Draft(
                bilateral(id),
                List.of(access),
                List.of(new Participation(
                        "DEU",
                        id,
                        Participation.Status.RATIFIED,
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 9, 1),
                        List.of(),
                        DRAFTED)));
        assertThat(CHECKER.conflicts(SHIPPED, left, ON))
                .singleElement()
                .satisfies(c -> assertThat(c.explanation()).contains("left Draft DEU_MAR_MOBILITY on 2026-09-01"));
        assertThat(CHECKER.conflicts(SHIPPED, new Draft(bilateral(id), List.of(access), List.of()), ON))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Conflict.Severity.RISK));
        assertThat(CHECKER.conflicts(SHIPPED, new Draft(bilateral(id), List.of(access), parties(id, "DEU", "MAR")), ON))
                .isEmpty();
    }
}
