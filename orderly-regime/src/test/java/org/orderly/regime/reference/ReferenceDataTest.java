package org.orderly.regime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.Commitment;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Party;
import org.orderly.regime.Process;
import org.orderly.regime.Registry;
import org.orderly.regime.RightsFloor;
import org.orderly.regime.Rulebook;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.VisaWaiver;
import org.orderly.testing.SharedData;

class ReferenceDataTest {
    private static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 11, 23);
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = ReferenceData.load();
    }

    @Test
    void everyShippedCommitmentRoundTripsThroughTheOneTermsEncoding() {
        for (Commitment c : registry.commitments()) {
            var terms = org.orderly.regime.CommitmentTerms.parse(
                    org.orderly.regime.CommitmentTerms.format(org.orderly.regime.CommitmentTerms.of(c)));
            assertThat(org.orderly.regime.CommitmentTerms.toCommitment(
                            c.kind(), c.instrumentId(), c.scope(), c.term(), terms, c.source()))
                    .as(c.instrumentId() + " " + c.kind())
                    .isEqualTo(c);
        }
        FreeMovement ecowas = registry.commitments().stream()
                .filter(FreeMovement.class::isInstance)
                .map(FreeMovement.class::cast)
                .filter(f -> f.instrumentId().equals("ECOWAS_FREE_MOVEMENT"))
                .findFirst()
                .orElseThrow();
        assertThat(ecowas.stayDays())
                .as("Protocol A/P.1/5/79, art. 3(2): up to ninety days")
                .isEqualTo(90);
    }

    private static List<State> states(State.Standing standing) {
        return registry.states().stream().filter(s -> s.standing() == standing).toList();
    }

    @Test
    void holdsAllOneHundredNinetyThreeUnMembersAndTheTwoObserverStates() {
        assertThat(states(State.Standing.UN_MEMBER)).hasSize(193);
        assertThat(states(State.Standing.UN_OBSERVER)).extracting(State::id).containsExactlyInAnyOrder("VAT", "PSE");
        assertThat(states(State.Standing.OTHER)).extracting(State::id).contains("TWN", "HKG", "MAC", "XKX");
    }

    @Test
    void stateCodesAreUniqueAndWellFormed() {
        Set<String> alpha2 = new HashSet<>();
        Set<String> numeric = new HashSet<>();
        for (State state : registry.states()) {
            assertThat(state.id()).as("alpha-3 of %s", state.name()).matches("[A-Z]{3}");
            assertThat(state.alpha2()).as("alpha-2 of %s", state.id()).matches("[A-Z]{2}");
            assertThat(alpha2.add(state.alpha2()))
                    .as("alpha-2 %s used once", state.alpha2())
                    .isTrue();
            if (state.numeric() == null) {
                assertThat(state.standing())
                        .as("%s lacks a numeric code", state.id())
                        .isEqualTo(State.Standing.OTHER);
            } else {
                assertThat(state.numeric()).as("numeric of %s", state.id()).matches("[0-9]{3}");
                assertThat(numeric.add(state.numeric()))
                        .as("numeric %s used once", state.numeric())
                        .isTrue();
            }
            assertThat(ReferenceData.REGIONS).as("region of %s", state.id()).containsKey(state.region());
            assertThat(ReferenceData.REGIONS.get(state.region()))
                    .as("sub-region of %s", state.id())
                    .contains(state.subRegion());
        }
    }

    @Test
    void everyFactHasASourceWithAReferenceAndAnAsOfDateNotInTheFuture() {
        List<Source> sources = new ArrayList<>();
        registry.parties().forEach(p -> sources.add(p.source()));
        registry.instruments().forEach(i -> sources.add(i.source()));
        registry.participations().forEach(p -> sources.add(p.source()));
        registry.commitments().forEach(c -> sources.add(c.source()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(sources).hasSizeGreaterThan(400).allSatisfy(source -> {
            assertThat(source.title()).isNotBlank();
            assertThat(source.reference()).isNotBlank();
            assertThat(source.asOf()).isBeforeOrEqualTo(today);
        });
    }

    @Test
    void holdsTheNamedOrganisationsProcessesAndInstruments() {
        assertThat(registry.parties())
                .extracting(Party::id)
                .contains(
                        "IOM",
                        "UNHCR",
                        "ILO",
                        "OHCHR",
                        "UNODC",
                        "ICAO",
                        "INTERPOL",
                        "ICMPD",
                        "OSCE",
                        "OECD",
                        "WORLDBANK",
                        "EU",
                        "COE",
                        "GFMD",
                        "GMG",
                        "BUDAPEST",
                        "PUEBLA",
                        "COLOMBO",
                        "ABUDHABI",
                        "BALI",
                        "IGC",
                        "MIDSA",
                        "MIDWA",
                        "FIVEPLUSFIVE",
                        "SACM");
        assertThat(registry.instruments())
                .extracting(Instrument::id)
                .contains(
                        "REFUGEE_1951",
                        "REFUGEE_PROTOCOL_1967",
                        "ILO_C97",
                        "ILO_C143",
                        "ICMW",
                        "UNTOC",
                        "TIP_PROTOCOL",
                        "SOM_PROTOCOL",
                        "GCM",
                        "ICAO_9303",
                        "CAT",
                        "SCHENGEN",
                        "EU_FREE_MOVEMENT");
        Instrument refugees = registry.instrument("REFUGEE_1951").orElseThrow();
        assertThat(refugees.adopted()).isEqualTo(LocalDate.of(1951, 7, 28));
        assertThat(refugees.inForce()).isEqualTo(LocalDate.of(1954, 4, 22));
        assertThat(registry.instrument("GCM").orElseThrow().binding()).isFalse();
    }

    @Test
    void everyProcessHasMembersAndTheFivePlusFiveDialogueHasItsTen() {
        for (Party party : registry.parties()) {
            if (party instanceof Process) {
                assertThat(registry.participationsIn(party.id()))
                        .as("members of %s", party.id())
                        .isNotEmpty();
            }
        }
        assertThat(registry.participationsIn("FIVEPLUSFIVE"))
                .extracting(org.orderly.regime.Participation::partyId)
                .containsExactlyInAnyOrder("DZA", "LBY", "MRT", "MAR", "TUN", "FRA", "ITA", "MLT", "PRT", "ESP");
        // No source dates these memberships: they are "date unknown", and counted on no date (issue 24, item 8).
        assertThat(registry.boundParties("FIVEPLUSFIVE", REFERENCE_DAY)).isEmpty();
    }

    @Test
    void schengenMembersOnTheReferenceDayIncludeCroatiaBulgariaAndRomaniaButNotIrelandOrCyprus() {
        Set<String> members = registry.boundParties("SCHENGEN", REFERENCE_DAY);
        assertThat(members)
                .contains("HRV", "BGR", "ROU", "CHE", "LIE", "ISL", "NOR")
                .doesNotContain("IRL", "CYP", "GBR");
        assertThat(members).hasSize(29);
        // Council Decision (EU) 2024/210: the acquis (Schengen visas included) applies in Bulgaria and Romania from 31
        // March 2024.
        assertThat(registry.boundParties("SCHENGEN", LocalDate.of(2024, 3, 30)))
                .doesNotContain("BGR", "ROU")
                .contains("HRV");
        assertThat(registry.boundParties("SCHENGEN", LocalDate.of(2024, 3, 31))).contains("BGR", "ROU");
    }

    @Test
    void britainWasBoundByEuFreeMovementIn2019AndThroughTheTransitionButNoLongerIn2022() {
        assertThat(registry.boundParties("EU_FREE_MOVEMENT", LocalDate.of(2019, 6, 1)))
                .contains("GBR");
        assertThat(registry.boundParties("EU_FREE_MOVEMENT", LocalDate.of(2020, 12, 31)))
                .contains("GBR");
        assertThat(registry.boundParties("EU_FREE_MOVEMENT", LocalDate.of(2022, 6, 1)))
                .doesNotContain("GBR")
                .contains("FRA", "ISL", "LIE", "NOR", "CHE")
                .hasSize(31);

        assertThat(Rulebook.compile(registry, LocalDate.of(2019, 6, 1)).first("FRA", "GBR", FreeMovement.class))
                .isPresent();
        Rulebook in2022 = Rulebook.compile(registry, LocalDate.of(2022, 6, 1));
        assertThat(in2022.first("FRA", "GBR", FreeMovement.class)).isEmpty();
        assertThat(in2022.first("FRA", "GBR", VisaWaiver.class))
                .as("UK nationals visa-exempt from 2021")
                .hasValueSatisfying(w -> assertThat(w.stayDays()).isEqualTo(90));
        assertThat(in2022.first("FRA", "POL", FreeMovement.class).orElseThrow().rightToWork())
                .isTrue();
    }

    @Test
    void schengenStatesWaiveVisasForAnnexTwoNationalsForNinetyDaysInAnyHundredAndEighty() {
        Rulebook rulebook = Rulebook.compile(registry, REFERENCE_DAY);
        VisaWaiver waiver = rulebook.first("DEU", "USA", VisaWaiver.class).orElseThrow();
        assertThat(waiver.stayDays()).isEqualTo(90);
        assertThat(waiver.windowDays()).isEqualTo(180);
        assertThat(rulebook.first("HRV", "XKX", VisaWaiver.class)).isPresent();
        assertThat(rulebook.first("IRL", "USA", VisaWaiver.class))
                .as("Ireland is outside Schengen")
                .isEmpty();
        assertThat(rulebook.first("DEU", "IND", VisaWaiver.class))
                .as("India is not on Annex II")
                .isEmpty();
        assertThat(Rulebook.compile(registry, LocalDate.of(2023, 6, 1)).first("DEU", "XKX", VisaWaiver.class))
                .as("Kosovo is exempt only from 2024")
                .isEmpty();
    }

    @Test
    void nonRefoulementIsARightsFloorOfTheRefugeeConventionWithItsExceptionsAndAbsoluteInTheTortureConvention() {
        // 1951 Convention art. 33(2) admits exceptions (art. 42 only bars reservations); CAT art. 3 admits none.
        for (String instrument : List.of("REFUGEE_1951", "REFUGEE_PROTOCOL_1967", "CAT")) {
            assertThat(registry.commitmentsUnder(instrument))
                    .filteredOn(RightsFloor.class::isInstance)
                    .map(RightsFloor.class::cast)
                    .anySatisfy(floor -> {
                        assertThat(floor.rights()).contains("non-refoulement");
                        assertThat(floor.nonDerogable()).isEqualTo(instrument.equals("CAT"));
                    });
        }
    }

    @Test
    void everyCodeInTheVisaMatrixIsAKnownState() throws IOException {
        Path matrix = SharedData.file("visa/passport-index-tidy-iso3.csv");
        Set<String> codes = new TreeSet<>();
        try (Stream<String> lines = Files.lines(matrix, StandardCharsets.UTF_8)) {
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] fields = line.split(",", 3);
                codes.add(fields[0]);
                codes.add(fields[1]);
            });
        }
        Set<String> known = new HashSet<>();
        registry.states().forEach(s -> known.add(s.id()));
        assertThat(codes).hasSizeGreaterThan(190);
        assertThat(codes)
                .allSatisfy(code -> assertThat(known).as("state %s", code).contains(code));
    }

    @Test
    void namesTheRatificationFileOfInstrumentsTheUnTreatyCollectionFilesCover() {
        assertThat(ReferenceData.ratificationFileFor("ICMW")).contains("hr_status_icmw.csv");
        assertThat(ReferenceData.ratificationFileFor("CAT")).contains("hr_status_cat.csv");
        assertThat(ReferenceData.ratificationFileFor("SCHENGEN")).isEmpty();
        for (String instrument : List.of("ICMW", "CAT")) {
            assertThat(registry.instrument(instrument))
                    .as("%s is a reference instrument", instrument)
                    .isPresent();
        }
        Path folder = SharedData.folder("ratifications");
        assertThat(folder.resolve(ReferenceData.ratificationFileFor("ICMW").orElseThrow()))
                .isRegularFile();
        assertThat(folder.resolve(ReferenceData.ratificationFileFor("CAT").orElseThrow()))
                .isRegularFile();
    }

    // ---- loading from a folder, and refusing malformed files ----

    private static Path copyOfReferenceFiles(Path folder) throws IOException {
        return ReferenceFolder.copy(folder);
    }

    /** Replaces one line of a file in the folder ({@code $0}: the line as it was) and returns the replaced line's number. */
    private static int replaceLine(Path folder, String file, String startingWith, String replacement)
            throws IOException {
        return ReferenceFolder.editLine(
                folder, file, startingWith, line -> replacement.isEmpty() ? line : replacement.replace("$0", line));
    }

    @Test
    void loadsTheSameRegistryFromAFolder(@TempDir Path folder) throws IOException {
        Registry fromFolder = ReferenceData.load(copyOfReferenceFiles(folder));
        assertThat(fromFolder.parties()).isEqualTo(registry.parties());
        assertThat(fromFolder.instruments()).isEqualTo(registry.instruments());
        assertThat(fromFolder.participations()).isEqualTo(registry.participations());
        assertThat(fromFolder.commitments()).isEqualTo(registry.commitments());
    }

    @Test
    void refusesANumericCodeThatIsNotThreeDigitsNamingFileAndLine(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder, "states.csv", "DEU,", "DEU,DE,99,Germany,UN_MEMBER,Europe,Western Europe,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("states.csv line " + line + ": numeric code '99' must be three digits")
                .satisfies(e -> assertThat(((ReferenceDataException) e).line()).isEqualTo(line));
    }

    @Test
    void refusesARowWithoutASourceOrWithAnAsOfDateInTheFuture(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder, "organisations.csv", "IOM,", "IOM,International Organization for Migration,m,,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("organisations.csv line " + line + ", column 4 (source_title): source_title is empty");

        copyOfReferenceFiles(folder);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        line = replaceLine(folder, "processes.csv", "IGC,", "IGC,IGC,f,t,r," + tomorrow);
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage(
                        "processes.csv line " + line + ", column 6 (as_of): as_of " + tomorrow + " is in the future");
    }

    @Test
    void refusesReferencesToUnknownPartiesInstrumentsAndStates(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder, "participations.csv", "HRV,SCHENGEN", "QQQ,SCHENGEN,MEMBER,2023-01-01,,,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith("participations.csv line " + line + ": party 'QQQ'");

        copyOfReferenceFiles(folder);
        line = replaceLine(
                folder,
                "commitments.csv",
                "CAT,",
                "CAT,RIGHTS_FLOOR,PARTIES,QQQ,,,,rights=x;non_derogable=true,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("commitments.csv line " + line
                        + ": beneficiaries names 'QQQ', which is neither a state in states.csv nor PARTIES nor ANY");
    }

    @Test
    void refusesCommitmentTermsThatTheKindDoesNotHaveOrLacks(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder, "commitments.csv", "CAT,", "CAT,RIGHTS_FLOOR,,,,,,rights=non-refoulement,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("commitments.csv line " + line + ": terms lack non_derogable (needed for RIGHTS_FLOOR)");

        copyOfReferenceFiles(folder);
        line = replaceLine(
                folder,
                "commitments.csv",
                "CAT,",
                "CAT,RIGHTS_FLOOR,,,,,,rights=a;non_derogable=true;stay_days=3,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith(
                        "commitments.csv line " + line + ": terms key 'stay_days' is not one of RIGHTS_FLOOR's keys");
    }

    @Test
    void refusesAParticipationThatEndsBeforeItBegins(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder,
                "participations.csv",
                "HRV,SCHENGEN",
                "HRV,SCHENGEN,MEMBER,2023-01-01,2022-01-01,,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith("participations.csv line " + line + ": ")
                .hasMessageContaining("ends (2022-01-01) before it begins (2023-01-01)");
    }

    @Test
    void refusesAWrongHeaderAMissingFieldAndAMissingFile(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        replaceLine(
                folder,
                "instruments.csv",
                "id,",
                "id,name,kind,level,binding,adopted,in_force,pillars,source_title,source_reference,as_of");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith("instruments.csv line 1, column 2 (name): the header must be 'id,title,");

        copyOfReferenceFiles(folder);
        int line = replaceLine(folder, "states.csv", "FRA,", "FRA,FR,250,France,UN_MEMBER,Europe,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith("states.csv line " + line
                        + ", column 10 (as_of): the row ends after 9 fields but the header has 10");

        copyOfReferenceFiles(folder);
        Files.delete(folder.resolve("processes.csv"));
        assertThatThrownBy(() -> ReferenceData.load(folder)).hasMessage("processes.csv: not found in " + folder);
    }

    @Test
    void refusesMalformedQuotingNamingTheLineColumnAndField(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder,
                "states.csv",
                "MAR,",
                "MAR,\"MA\"x,504,Morocco,UN_MEMBER,Africa,Northern Africa,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessageStartingWith("states.csv line " + line + ", column 2 (alpha2): malformed quoting: ");
    }

    @Test
    void refusesADuplicateStateCode(@TempDir Path folder) throws IOException {
        copyOfReferenceFiles(folder);
        int first = replaceLine(folder, "states.csv", "ITA,", "");
        int line = replaceLine(
                folder, "states.csv", "ESP,", "ITA,XY,998,Duplicate,UN_MEMBER,Europe,Southern Europe,t,r,2025-01-01");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage(
                        "states.csv line " + line + ": party id 'ITA' is already defined at states.csv line " + first);
    }

    @Test
    void refusesACommitmentUnderAnInstrumentNotInTheFilesNamingFileLineAndColumn(@TempDir Path folder)
            throws IOException {
        // The shipped files pass (every test here loads them); a dangling reference in a copy must be refused where it
        // is.
        copyOfReferenceFiles(folder);
        int line = replaceLine(
                folder,
                "commitments.csv",
                "EU_FREE_MOVEMENT,FREE_MOVEMENT,",
                "NO_SUCH_TREATY,FREE_MOVEMENT,,,,,,right_to_work=true,t,r,2025-06-30");
        assertThatThrownBy(() -> ReferenceData.load(folder))
                .hasMessage("commitments.csv line " + line
                        + ", column 1 (instrument): instrument 'NO_SUCH_TREATY' is not in instruments.csv");
    }
}
