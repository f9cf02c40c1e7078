package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.EntryPolicy;
import org.orderly.regime.FreeMovement;
import org.orderly.regime.Instrument;
import org.orderly.regime.Participation;
import org.orderly.regime.Pillar;
import org.orderly.regime.Registry;
import org.orderly.regime.Scope;
import org.orderly.regime.Source;
import org.orderly.regime.State;
import org.orderly.regime.Term;
import org.orderly.regime.TravelCategory;

class ImportersTest {
    private static final Source SOURCE = new Source("test fixture", "ImportersTest", LocalDate.of(2026, 1, 1));
    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 12);

    @TempDir
    Path dir;

    RegistryStore store;

    private static State state(String alpha3, String alpha2) {
        return new State(
                alpha3, alpha2, "999", "State " + alpha3, "Europe", "Western Europe", State.Standing.UN_MEMBER, SOURCE);
    }

    @BeforeEach
    void reference() {
        store = TestDatabase.emptyStore();
        store.saveReference(new Registry(
                List.of(state("DEU", "DE"), state("FRA", "FR"), state("JPN", "JP")),
                List.of(new Instrument(
                        "AREA",
                        "Area",
                        Instrument.Kind.REGIONAL_AGREEMENT,
                        Instrument.Level.REGIONAL,
                        true,
                        LocalDate.of(1990, 1, 1),
                        LocalDate.of(1995, 1, 1),
                        Set.of(Pillar.LEGAL_MOVEMENT),
                        SOURCE)),
                List.of(
                        new Participation(
                                "DEU",
                                "AREA",
                                Participation.Status.MEMBER,
                                LocalDate.of(1995, 1, 1),
                                null,
                                List.of(),
                                SOURCE),
                        new Participation(
                                "FRA",
                                "AREA",
                                Participation.Status.MEMBER,
                                LocalDate.of(1995, 1, 1),
                                null,
                                List.of(),
                                SOURCE)),
                List.of(new FreeMovement("AREA", Scope.reciprocal(), Term.OPEN, true, SOURCE)),
                List.of()));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void referenceDataRoundTripsThroughTheDatabase() {
        Registry loaded = store.load();
        assertThat(loaded.states()).extracting(State::id).containsExactlyInAnyOrder("DEU", "FRA", "JPN");
        assertThat(loaded.commitments()).singleElement().isInstanceOf(FreeMovement.class);
        assertThat(loaded.boundParties("AREA", LocalDate.of(2000, 1, 1))).containsExactlyInAnyOrder("DEU", "FRA");
        store.saveReference(loaded);
        assertThat(store.load().commitments())
                .as("saving reference data again is idempotent")
                .hasSize(1);
    }

    @Test
    void importsAVisaMatrixAsUnilateralEntryPolicies() throws IOException {
        Path matrix = file("matrix.csv", """
                Passport,Destination,Requirement
                DEU,DEU,-1
                DEU,JPN,90
                JPN,DEU,visa free
                JPN,FRA,eta
                FRA,JPN,e-visa
                """);
        ImportReport report = new VisaMatrixImporter(store).importFile(matrix, AS_OF);
        assertThat(report.rowsRead()).isEqualTo(5);
        assertThat(report.rowsWritten()).isEqualTo(4);
        List<EntryPolicy> policies = store.load().entryPolicies();
        assertThat(policies).hasSize(4);
        EntryPolicy deuToJpn = policies.stream()
                .filter(p -> p.passport().equals("DEU") && p.destination().equals("JPN"))
                .findFirst()
                .orElseThrow();
        assertThat(deuToJpn.category()).isEqualTo(TravelCategory.VISA_FREE);
        assertThat(deuToJpn.stayDays()).isEqualTo(90);
        assertThat(deuToJpn.source().reference()).isEqualTo("matrix.csv line 3");
        assertThat(deuToJpn.source().asOf()).isEqualTo(AS_OF);

        ImportReport again = new VisaMatrixImporter(store).importFile(matrix, AS_OF);
        assertThat(again.unchanged()).isTrue();
        assertThat(store.load().entryPolicies())
                .as("importing twice changes nothing")
                .hasSize(4);
    }

    @Test
    void refusesAMalformedMatrixWithItsLineAndLeavesTheDatabaseUnchanged() throws IOException {
        new VisaMatrixImporter(store)
                .importFile(file("good.csv", "Passport,Destination,Requirement\nDEU,JPN,90\n"), AS_OF);
        Path bad = file("bad.csv", "Passport,Destination,Requirement\nDEU,JPN,30\nJPN,DEU,visa maybe\n");
        assertThatThrownBy(() -> new VisaMatrixImporter(store).importFile(bad, AS_OF))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("bad.csv line 3, column 3 (Requirement)")
                .hasMessageContaining("visa maybe")
                .hasMessageContaining("nothing was imported");
        assertThat(store.load().entryPolicies())
                .singleElement()
                .extracting(EntryPolicy::stayDays)
                .isEqualTo(90);
    }

    @Test
    void refusesUnknownStatesDuplicatesAndAWrongHeader() throws IOException {
        VisaMatrixImporter importer = new VisaMatrixImporter(store);
        assertThatThrownBy(() ->
                        importer.importFile(file("a.csv", "Passport,Destination,Requirement\nDEU,XYZ,90\n"), AS_OF))
                .hasMessageContaining("a.csv line 2, column 2 (Destination)")
                .hasMessageContaining("XYZ is not a state");
        assertThatThrownBy(() -> importer.importFile(
                        file("b.csv", "Passport,Destination,Requirement\nDEU,JPN,90\nDEU,JPN,30\n"), AS_OF))
                .hasMessageContaining("b.csv line 3")
                .hasMessageContaining("first on line 2");
        assertThatThrownBy(() -> importer.importFile(file("c.csv", "From,To,Requirement\nDEU,JPN,90\n"), AS_OF))
                .hasMessageContaining("c.csv line 1, column 1 (From): unknown column 'From'");
        assertThat(store.countEntryPolicies()).isZero();
    }

    @Test
    void importsTreatyStatusAsParticipations() throws IOException {
        Path status = file("status.csv", """
                iso2,member,state party,year ratification or accession,signatory,no action,status,note
                DE,Germany,1,1998,0,0,state party,
                FR,France,0,,1,0,signatory state,
                JP,Japan,0,,0,1,no action,
                """);
        ImportReport report = new TreatyStatusImporter(store).importFile("AREA", status, LocalDate.of(2022, 8, 1));
        assertThat(report.rowsWritten()).isEqualTo(2);
        List<Participation> in = store.load().participationsIn("AREA");
        assertThat(in)
                .filteredOn(p -> p.partyId().equals("DEU") && p.status() == Participation.Status.RATIFIED)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.since()).isEqualTo(LocalDate.of(1998, 1, 1));
                    assertThat(p.sinceText()).as("a year, not 1 January").isEqualTo("1998");
                });
        assertThat(in)
                .filteredOn(p -> p.partyId().equals("FRA") && p.status() == Participation.Status.SIGNED)
                .hasSize(1);
        new TreatyStatusImporter(store).importFile("AREA", status, LocalDate.of(2022, 8, 1));
        assertThat(store.load().participationsIn("AREA")).as("idempotent").hasSize(in.size());
    }

    @Test
    void refusesTreatyStatusForAnUnknownInstrumentOrState() throws IOException {
        Path status = file(
                "status.csv",
                "iso2,member,state party,year ratification or accession,signatory,no action,status,note\nZZ,Nowhere,1,2000,0,0,state party,\n");
        assertThatThrownBy(() -> new TreatyStatusImporter(store).importFile("NOPE", status, LocalDate.of(2022, 8, 1)))
                .hasMessageContaining("no instrument 'NOPE'");
        assertThatThrownBy(() -> new TreatyStatusImporter(store).importFile("AREA", status, LocalDate.of(2022, 8, 1)))
                .hasMessageContaining("status.csv line 2")
                .hasMessageContaining("ZZ");
    }
}
