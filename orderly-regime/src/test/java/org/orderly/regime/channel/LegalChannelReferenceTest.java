package org.orderly.regime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.Commitment;
import org.orderly.regime.CommitmentTerms;
import org.orderly.regime.LegalChannel;
import org.orderly.regime.Registry;
import org.orderly.regime.Rulebook;
import org.orderly.regime.reference.ReferenceData;

/** The legal channels of the reference data: who they bind, their sourced facts, and the refusals of a bad file. */
class LegalChannelReferenceTest {
    private static final Registry REGISTRY = ReferenceData.load();

    private static List<LegalChannel> channels() {
        return REGISTRY.commitments().stream()
                .filter(LegalChannel.class::isInstance)
                .map(LegalChannel.class::cast)
                .toList();
    }

    private static LegalChannel channel(String id) {
        return channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theBlueCardIsAChannelOfEveryStateBoundByTheDirectiveAndOfNoOther() {
        Set<String> destinations = new TreeSet<>();
        for (LegalChannel c : channels())
            if (c.instrumentId().equals("EU_BLUE_CARD_DIRECTIVE")) destinations.add(c.destination());
        assertThat(destinations)
                .hasSize(25)
                .doesNotContain("DNK", "IRL")
                .isEqualTo(new TreeSet<>(REGISTRY.boundParties("EU_BLUE_CARD_DIRECTIVE", LocalDate.of(2025, 6, 1))));
        // In force (compiled) from the repeal of the 2009 Directive, for any nationality.
        Rulebook rules = Rulebook.compile(REGISTRY, LocalDate.of(2025, 6, 1));
        assertThat(rules.between("DEU", "NGA"))
                .anyMatch(c -> c instanceof LegalChannel l && l.id().equals("BLUE_CARD_DEU"));
        assertThat(rules.between("DNK", "NGA"))
                .noneMatch(c -> c instanceof LegalChannel l && l.instrumentId().equals("EU_BLUE_CARD_DIRECTIVE"));
        assertThat(Rulebook.compile(REGISTRY, LocalDate.of(2023, 1, 1)).between("DEU", "NGA"))
                .noneMatch(c -> c instanceof LegalChannel l && l.id().equals("BLUE_CARD_DEU"));
    }

    @Test
    void everyBlueCardStateHasASalaryFloorForAStatedYearAndOnlySourcedFiguresAreVerified() {
        for (LegalChannel c : channels()) {
            if (!c.instrumentId().equals("EU_BLUE_CARD_DIRECTIVE")) continue;
            Criterion.SalaryFloor floor = c.facts().criteria().stream()
                    .filter(Criterion.SalaryFloor.class::isInstance)
                    .map(Criterion.SalaryFloor.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(floor.general(2025).year()).isEqualTo(2025);
            if (floor.general(2025).amount() == null)
                assertThat(floor.provenance(2025).verified()).as(c.id()).isFalse();
        }
        Criterion.SalaryFloor germany = (Criterion.SalaryFloor) channel("BLUE_CARD_DEU").facts().criteria().stream()
                .filter(Criterion.SalaryFloor.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(germany.general(2025).amount()).isEqualByComparingTo("48300");
        assertThat(germany.general(2025).provenance().verified()).isTrue();
        assertThat(germany.general(2025).provenance().source().reference()).contains("§ 18g(1) AufenthG");
        // One reduced floor rests on an occupation list not checked against the text: the criterion is not verified as
        // a whole.
        assertThat(germany.provenance(2025).verified()).isFalse();
    }

    @Test
    void theReferenceDataHoldTheRoutesTheIssueAsksFor() {
        Set<String> nationalRoutes = new TreeSet<>();
        for (LegalChannel c : channels())
            if (!c.instrumentId().equals("EU_BLUE_CARD_DIRECTIVE")) nationalRoutes.add(c.destination());
        assertThat(nationalRoutes).contains("DEU", "GBR", "CAN", "AUS", "USA", "JPN");
        assertThat(channel("AUS_SKILLED_INDEPENDENT").facts().criteria()).anyMatch(Criterion.Points.class::isInstance);
        assertThat(channel("USA_H1B").facts().quotas())
                .extracting(Quota::places)
                .containsExactly(65000);
        assertThat(channel("USA_H1B").places(2026)).hasValue(65000);
        assertThat(channel("USA_H1B").places(2027)).as("not recorded for 2027").isEmpty();
        assertThat(channel("USA_H2A").places(2026)).as("no cap").isEmpty();
        assertThat(channel("USA_H2B").facts().quotas())
                .extracting(Quota::places)
                .containsExactly(66000);
        assertThat(channel("DEU_WESTERN_BALKANS").facts().quotas())
                .extracting(Quota::places)
                .containsOnly(50000);
        assertThat(channel("GBR_INDIA_YOUNG_PROFESSIONALS")
                        .facts()
                        .quotas()
                        .get(0)
                        .procedure())
                .isEqualTo(AllocationProcedure.LOTTERY);
        assertThat(channel("USA_H2A").purpose()).isEqualTo(ChannelPurpose.SEASONAL_WORK);
    }

    @Test
    void aChannelRoundTripsThroughTheOneCommitmentEncoding() {
        for (LegalChannel c : channels()) {
            Map<String, String> terms = CommitmentTerms.parse(CommitmentTerms.format(CommitmentTerms.of(c)));
            Commitment again =
                    CommitmentTerms.toCommitment(c.kind(), c.instrumentId(), c.scope(), c.term(), terms, c.source());
            assertThat(again).as(c.id()).isEqualTo(c);
        }
    }

    @Test
    void theShortFormOfANegotiatedChannelDefaultsEverythingButTheQuota() {
        var source = new org.orderly.regime.Source("Concluded deal", "DEAL", LocalDate.of(2026, 1, 1));
        LegalChannel c = (LegalChannel) CommitmentTerms.toCommitment(
                Commitment.Kind.LEGAL_CHANNEL,
                "DEAL",
                org.orderly.regime.Scope.bilateral("DEU", "MAR"),
                org.orderly.regime.Term.OPEN,
                Map.of("sector", "care", "annual_quota", "5000", "occupations", "2221|5321"),
                source);
        assertThat(c.destination()).isEqualTo("DEU");
        assertThat(c.title()).isEqualTo("Work in care in DEU under DEAL");
        assertThat(c.facts().quotas()).singleElement().satisfies(q -> {
            assertThat(q.places()).isEqualTo(5000);
            assertThat(q.year()).isNull();
            assertThat(q.procedure()).isEqualTo(AllocationProcedure.FIRST_COME);
            assertThat(q.provenance().source()).isEqualTo(source);
        });
        assertThatThrownBy(() -> CommitmentTerms.toCommitment(
                        Commitment.Kind.LEGAL_CHANNEL,
                        "DEAL",
                        org.orderly.regime.Scope.bilateral("DEU", "MAR"),
                        org.orderly.regime.Term.OPEN,
                        Map.of("annual_quota", "5000", "procedure", "RAFFLE"),
                        source))
                .hasMessage("LEGAL_CHANNEL term 'procedure' is 'RAFFLE', not one of [FIRST_COME, RANKED, LOTTERY]");
    }

    @Test
    void termsWithSemicolonsAndBackslashesRoundTrip() {
        Map<String, String> terms = new java.util.LinkedHashMap<>();
        terms.put("a", "x;y\\;z\\");
        terms.put("b", "plain");
        assertThat(CommitmentTerms.parse(CommitmentTerms.format(terms))).isEqualTo(terms);
    }

    @Test
    void aGridWhoseBandsOverlapOrLeaveAGapIsRefusedWithTheBandsLine(@TempDir Path folder) throws IOException {
        copy(folder);
        int line = replace(folder, "AUS_SKILLED_INDEPENDENT,GRID,AGE,from=25;to=32", "from=25;to=32", "from=24;to=32");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("channel-facts.csv line " + line + ": AGE band 24 to 32 overlaps band 18 to 24");
        copy(folder);
        line = replace(folder, "AUS_SKILLED_INDEPENDENT,GRID,EXPERIENCE,from=5;to=7", "from=5;to=7", "from=6;to=7");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage(
                        "channel-facts.csv line " + line + ": EXPERIENCE band 6 to 7 leaves a gap after band 3 to 4");
    }

    @Test
    void aFactOfAnUnknownChannelOrWithABadFigureIsRefusedWithItsLineAndColumn(@TempDir Path folder) throws IOException {
        copy(folder);
        int line = replace(folder, "USA_H1B,QUOTA", "USA_H1B,QUOTA", "USA_H9Z,QUOTA");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("channel-facts.csv line " + line
                        + ", column 1 (channel): channel 'USA_H9Z' is not in channels.csv");
        copy(folder);
        line = replace(folder, "BLUE_CARD_DEU,CRITERION,SALARY_FLOOR,applies=GENERAL", "amount=48300", "amount=-5");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("channel-facts.csv line " + line + ": parameter amount '-5' must not be negative");
        copy(folder);
        line = replace(folder, "USA_H1B,QUOTA", "places=65000", "places=many");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("channel-facts.csv line " + line + ": parameter places 'many' must be a whole number");
    }

    @Test
    void theAustralianPointsTestCountsWhatWasSaidAndNeverAssumesTheRest() {
        Criterion points = channel("AUS_SKILLED_INDEPENDENT").facts().criteria().stream()
                .filter(Criterion.Points.class::isInstance)
                .findFirst()
                .orElseThrow();
        Applicant full = new Applicant("NGA", Set.of(), null, null, 6, Map.of("en", Cefr.C1), 30, 8, null, null);
        assertThat(points.assess(full, 2025))
                .isEqualTo(new Assessment(
                        Assessment.Status.MET,
                        "70 points (age 30, experience 15, language (en) 10, qualification 15), pass mark 65"));
        Applicant ageOnly = new Applicant("NGA", Set.of(), null, null, null, Map.of(), 44, null, null, null);
        assertThat(points.assess(ageOnly, 2025).status()).isEqualTo(Assessment.Status.UNKNOWN);
        assertThat(points.assess(ageOnly, 2025).detail())
                .startsWith("15 points (age 15), pass mark 65; could reach it with");
        Applicant tooFew = new Applicant("NGA", Set.of(), null, null, 3, Map.of("en", Cefr.B1), 44, 2, null, null);
        assertThat(points.assess(tooFew, 2025).status()).isEqualTo(Assessment.Status.NOT_MET);
    }

    @Test
    void aSalaryIsComparedInItsOwnCurrencyAndPeriodOnly() {
        Criterion floor = channel("BLUE_CARD_DEU").facts().criteria().stream()
                .filter(Criterion.SalaryFloor.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(floor.assess(person(new Salary(new BigDecimal("52000"), "EUR", Salary.Period.YEAR), Set.of()), 2025)
                        .status())
                .isEqualTo(Assessment.Status.MET);
        assertThat(floor.assess(person(new Salary(new BigDecimal("4100"), "EUR", Salary.Period.MONTH), Set.of()), 2025)
                        .status())
                .as("49,200 a year")
                .isEqualTo(Assessment.Status.MET);
        assertThat(floor.assess(
                                person(new Salary(new BigDecimal("45000"), "EUR", Salary.Period.YEAR), Set.of("2221")),
                                2025)
                        .status())
                .as("a nurse: shortage occupation")
                .isEqualTo(Assessment.Status.MET);
        assertThat(floor.assess(
                                person(new Salary(new BigDecimal("45000"), "EUR", Salary.Period.YEAR), Set.of("5120")),
                                2025)
                        .status())
                .as("a cook could be a new entrant")
                .isEqualTo(Assessment.Status.UNKNOWN);
        assertThat(floor.assess(person(new Salary(new BigDecimal("40000"), "EUR", Salary.Period.YEAR), Set.of()), 2025)
                        .status())
                .isEqualTo(Assessment.Status.NOT_MET);
        assertThat(floor.assess(person(new Salary(new BigDecimal("90000"), "USD", Salary.Period.YEAR), Set.of()), 2025)
                        .status())
                .as("no conversion")
                .isEqualTo(Assessment.Status.UNKNOWN);
        assertThat(floor.assess(person(null, Set.of()), 2025).status()).isEqualTo(Assessment.Status.UNKNOWN);
        Criterion notRecorded = channel("BLUE_CARD_AUT").facts().criteria().stream()
                .filter(Criterion.SalaryFloor.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(notRecorded
                        .assess(person(new Salary(new BigDecimal("900000"), "EUR", Salary.Period.YEAR), Set.of()), 2025)
                        .status())
                .as("a floor not recorded is never met")
                .isEqualTo(Assessment.Status.UNKNOWN);
    }

    private static Applicant person(Salary salary, Set<String> occupations) {
        return new Applicant("NGA", occupations, null, salary, null, Map.of(), null, null, null, null);
    }

    private static void copy(Path folder) throws IOException {
        org.orderly.regime.reference.ReferenceFolder.copy(folder);
    }

    private static int replace(Path folder, String lineStart, String text, String replacement) throws IOException {
        return org.orderly.regime.reference.ReferenceFolder.editLine(
                folder, "channel-facts.csv", lineStart, line -> line.replace(text, replacement));
    }
}
