package org.orderly.regime.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Commitment;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.VisaWaiver;

/** Each fact of issue 8 checked against its source, named in the test and its comment. */
class RegistryFactsTest {
    private static final Registry REGISTRY = ReferenceData.load();
    private static final LocalDate AFTER_THE_FIX = LocalDate.of(2026, 12, 1);

    private static Rulebook on(int year, int month, int day) {
        return Rulebook.compile(REGISTRY, LocalDate.of(year, month, day));
    }

    private static boolean work(Rulebook rulebook, String grantor, String beneficiary) {
        return rulebook.freeMovement(grantor, beneficiary)
                .map(FreeMovement::rightToWork)
                .orElse(false);
    }

    /** Regulation (EU) 2018/1806, Annex II as consolidated: the states and entities whose nationals are exempt. */
    @Test
    void annexTwoOfRegulation2018_1806ListsExactlyTheseBeneficiaries() {
        Set<String> expected = Set.of(
                "ALB", "AND", "ATG", "ARG", "AUS", "BHS", "BRB", "BIH", "BRA", "BRN", "CAN", "CHL", "COL", "CRI", "DMA",
                "SLV", "GEO", "GRD", "GTM", "VAT", "HND", "ISR", "JPN", "KIR", "MYS", "MHL", "MUS", "MEX", "FSM", "MDA",
                "MCO", "MNE", "NZL", "NIC", "MKD", "PLW", "PAN", "PRY", "PER", "KNA", "LCA", "VCT", "WSM", "SMR", "SRB",
                "SYC", "SGP", "SLB", "KOR", "TLS", "TON", "TTO", "TUV", "UKR", "ARE", "USA", "URY", "VEN", "HKG", "MAC",
                "TWN", "GBR", "XKX", "NRU", "VUT");
        Set<String> listed = new java.util.TreeSet<>();
        for (Commitment c : REGISTRY.commitmentsUnder("EU_VISA_REGULATION")) {
            if (c instanceof VisaWaiver w && c.scope() instanceof org.orderly.regime.Scope.Directed d)
                listed.addAll(d.beneficiaries());
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(REGISTRY.commitmentsUnder("SCHENGEN"))
                .as("the waiver is the Regulation's, not the Schengen acquis'")
                .noneMatch(VisaWaiver.class::isInstance);
    }

    /** Annex II footnote to Nauru: the exemption applies only from an agreement with the EU, not in force. */
    @Test
    void nauruIsListedInAnnexTwoOnlyConditionallySoFranceStillRequiresAVisa() {
        Rulebook today = Rulebook.compile(REGISTRY, AFTER_THE_FIX);
        assertThat(today.first("FRA", "NRU", VisaWaiver.class)).isEmpty();
        assertThat(today.pendingBetween("FRA", "NRU")).singleElement().satisfies(c -> {
            assertThat(c.term().pending()).isTrue();
            assertThat(c.term().condition()).contains("agreement on visa exemption");
        });
        assertThat(today.first("FRA", "TUV", VisaWaiver.class))
                .as("Tuvalu's agreement is in force")
                .isPresent();
    }

    /** Regulation (EU) 2018/1806 binds every EU state but Ireland (Protocol No 19), Schengen member or not. */
    @Test
    void theWaiverIsOwedByEveryEuStateButIrelandIncludingCyprusAndStatesBeforeTheyJoinedSchengen() {
        Rulebook in2019 = on(2019, 6, 1);
        for (String state : List.of("CYP", "BGR", "ROU", "HRV", "DNK", "FRA", "ISL", "NOR", "CHE", "LIE")) {
            assertThat(in2019.first(state, "USA", VisaWaiver.class))
                    .as("%s owes the waiver in 2019", state)
                    .isPresent();
        }
        assertThat(in2019.first("IRL", "USA", VisaWaiver.class))
                .as("Ireland does not take part")
                .isEmpty();
        assertThat(in2019.first("GBR", "USA", VisaWaiver.class))
                .as("nor did the United Kingdom")
                .isEmpty();
        assertThat(REGISTRY.boundParties("EU_VISA_REGULATION", AFTER_THE_FIX))
                .hasSize(30)
                .doesNotContain("IRL");
    }

    /** EEA Agreement (OJ L 1, 3.1.1994): Austria, Finland and Sweden were in free movement from 1 January 1994. */
    @Test
    void austriaFinlandAndSwedenJoinedFreeMovementThroughTheEeaIn1994() {
        Rulebook in1994 = on(1994, 6, 1);
        for (String state : List.of("AUT", "FIN", "SWE")) {
            assertThat(in1994.freeMovement(state, "DEU")).as(state).isPresent();
            assertThat(work(in1994, "DEU", state)).as(state).isTrue();
        }
        assertThat(on(1993, 12, 31).freeMovement("AUT", "DEU")).isEmpty();
    }

    /** Regulations 15/1961, 38/64 and 1612/68: free movement of workers among the six complete on 8 November 1968. */
    @Test
    void freeMovementOfWorkersAmongTheSixWasPhasedInUntil1968() {
        assertThat(on(1965, 1, 1).freeMovement("FRA", "ITA")).isPresent();
        assertThat(work(on(1965, 1, 1), "FRA", "ITA")).isFalse();
        assertThat(work(on(1968, 11, 8), "FRA", "ITA")).isTrue();
    }

    /** Acts of Accession 2003, 2005 and 2012: transitional limits on workers, as data with their end dates. */
    @Test
    void transitionalLimitsOnWorkersFromStatesThatJoinedIn2004_2007And2013() {
        assertThat(work(on(2005, 1, 1), "DEU", "POL"))
                .as("Germany kept its limit on Polish workers")
                .isFalse();
        assertThat(on(2005, 1, 1).freeMovement("DEU", "POL"))
                .as("free movement itself applied")
                .isPresent();
        assertThat(work(on(2005, 1, 1), "GBR", "POL"))
                .as("the United Kingdom opened in 2004")
                .isTrue();
        assertThat(work(on(2011, 5, 1), "DEU", "POL")).isTrue();
        assertThat(work(on(2010, 1, 1), "FRA", "ROU")).isFalse();
        assertThat(work(on(2014, 1, 1), "FRA", "ROU")).isTrue();
        assertThat(work(on(2012, 1, 1), "ESP", "ROU"))
                .as("Spain's safeguard clause, 2011-2013")
                .isFalse();
        assertThat(work(on(2012, 1, 1), "ESP", "BGR")).isTrue();
        assertThat(work(on(2019, 1, 1), "AUT", "HRV")).isFalse();
        assertThat(work(on(2020, 7, 1), "AUT", "HRV")).isTrue();
        assertThat(work(on(2016, 1, 1), "DEU", "HRV")).isTrue();
    }

    /** Agreement on the Free Movement of Persons with Switzerland and its Protocols I-III: phased opening. */
    @Test
    void switzerlandOpenedItsLabourMarketInPhases() {
        assertThat(work(on(2003, 1, 1), "CHE", "DEU")).isFalse();
        assertThat(work(on(2007, 6, 1), "CHE", "DEU")).isTrue();
        assertThat(work(on(2010, 1, 1), "CHE", "POL")).isFalse();
        assertThat(work(on(2011, 5, 1), "CHE", "POL")).isTrue();
        assertThat(work(on(2015, 1, 1), "CHE", "ROU")).isFalse();
        assertThat(work(on(2021, 1, 1), "CHE", "HRV")).isFalse();
        assertThat(work(on(2022, 1, 1), "CHE", "HRV")).isTrue();
    }

    /** UN Treaty Collection extracts give a year of ratification: a year is not 1 January, and binds from the next year. */
    @Test
    void aParticipationKnownOnlyByItsYearIsPendingDuringThatYear() {
        var source = new org.orderly.regime.Source(
                "UN Treaty Collection extract", "hr_status_icmw.csv line 3", LocalDate.of(2022, 8, 1));
        Participation albania = Participation.inYear("ALB", "ICMW", Participation.Status.RATIFIED, 2007, source);
        assertThat(albania.sinceText()).isEqualTo("2007");
        List<Participation> participations = new java.util.ArrayList<>(REGISTRY.participations());
        participations.add(albania);
        Registry registry = new Registry(
                REGISTRY.parties(), REGISTRY.instruments(), participations, REGISTRY.commitments(), List.of());
        assertThat(registry.isBound("ALB", "ICMW", LocalDate.of(2007, 1, 1))).isFalse();
        assertThat(albania.pendingOn(LocalDate.of(2007, 6, 1))).isTrue();
        assertThat(registry.isBound("ALB", "ICMW", LocalDate.of(2008, 1, 1))).isTrue();
        Participation signature =
                new Participation("ALB", "ICMW", Participation.Status.SIGNED, null, null, List.of(), source);
        assertThat(signature.sinceText()).isEqualTo("date unknown");
    }

    /** A party that signed and later ratified is one party on the map: signed before, ratified after. */
    @Test
    void aPartysStrongestParticipationIsItsLatestStepOnTheDate() {
        var source = new org.orderly.regime.Source("UN Treaty Collection extract", "test", LocalDate.of(2022, 8, 1));
        List<Participation> participations = new java.util.ArrayList<>(REGISTRY.participations());
        participations.removeIf(p -> p.partyId().equals("TUV") && p.subjectId().equals("ICMW"));
        participations.add(new Participation(
                "TUV", "ICMW", Participation.Status.SIGNED, LocalDate.of(2004, 3, 1), null, List.of(), source));
        participations.add(Participation.inYear("TUV", "ICMW", Participation.Status.RATIFIED, 2009, source));
        Registry registry = new Registry(
                REGISTRY.parties(), REGISTRY.instruments(), participations, REGISTRY.commitments(), List.of());
        assertThat(registry.strongestParticipationsOn("ICMW", LocalDate.of(2004, 2, 1)))
                .doesNotContainKey("TUV");
        assertThat(registry.strongestParticipationsOn("ICMW", LocalDate.of(2006, 1, 1))
                        .get("TUV")
                        .status())
                .isEqualTo(Participation.Status.SIGNED);
        assertThat(registry.strongestParticipationsOn("ICMW", LocalDate.of(2012, 1, 1))
                        .get("TUV")
                        .status())
                .isEqualTo(Participation.Status.RATIFIED);
        assertThat(registry.strongestParticipationsOn("ICMW", LocalDate.of(2012, 1, 1)))
                .as("one entry per party")
                .hasSameSizeAs(registry.participationsOn("ICMW", LocalDate.of(2012, 1, 1)).stream()
                        .map(Participation::partyId)
                        .distinct()
                        .toList());
    }

    /** ICMW (UNTS vol. 2220) entered into force on 1 July 2003: nobody was bound before, whatever the year given. */
    @Test
    void nobodyIsBoundBeforeAnInstrumentIsInForceAndNothingExistsBeforeItIsAdopted() {
        var source = new org.orderly.regime.Source("UN Treaty Collection extract", "test", LocalDate.of(2022, 8, 1));
        List<Participation> participations = new java.util.ArrayList<>(REGISTRY.participations());
        participations.add(Participation.inYear("MEX", "ICMW", Participation.Status.RATIFIED, 1999, source));
        participations.add(
                new Participation("DZA", "ICMW", Participation.Status.SIGNED, null, null, List.of(), source));
        Registry registry = new Registry(
                REGISTRY.parties(), REGISTRY.instruments(), participations, REGISTRY.commitments(), List.of());
        assertThat(registry.boundParties("ICMW", LocalDate.of(2002, 1, 1))).isEmpty();
        assertThat(registry.boundParties("ICMW", LocalDate.of(2003, 7, 1))).contains("MEX");
        assertThat(registry.participationsOn("ICMW", LocalDate.of(1985, 1, 1)))
                .as("before adoption on 18 December 1990")
                .isEmpty();
        // An undated signature existed on no date we can name: never listed on a date, shown apart as "date unknown".
        assertThat(registry.participationsOn("ICMW", LocalDate.of(1991, 1, 1))).isEmpty();
        assertThat(registry.participationsOn("ICMW", LocalDate.of(2020, 1, 1)))
                .extracting(Participation::partyId)
                .doesNotContain("DZA");
        assertThat(registry.undatedParticipations("ICMW"))
                .extracting(Participation::partyId)
                .containsExactly("DZA");
    }

    @Test
    void theRulebookCannotBeChangedByItsReaders() {
        List<Commitment> between = Rulebook.compile(REGISTRY, AFTER_THE_FIX).between("DEU", "USA");
        assertThat(between).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> between.clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
