package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.reference.ReferenceData;
import org.orderly.testing.SharedData;

/** The registry store against the real reference data: origins kept apart, snapshots consistent, edits that survive. */
class RegistryStoreTest {
    private static final Registry REFERENCE = ReferenceData.load();

    RegistryStore store;

    @BeforeEach
    void reference() {
        store = TestDatabase.emptyStore();
        store.saveReference(REFERENCE);
    }

    private static Participation croatiaInSchengen(LocalDate since, Source source) {
        return new Participation("HRV", "SCHENGEN", Participation.Status.MEMBER, since, null, List.of(), source);
    }

    @Test
    void aSecretariatCorrectionSurvivesARestartThatRewritesTheReferenceData() {
        Source correction = new Source(
                "Council Decision (EU) 2022/2451, air borders", "OJ L 320, 14.12.2022", LocalDate.of(2026, 11, 30));
        store.saveParticipation(croatiaInSchengen(LocalDate.of(2023, 3, 26), correction), RegistryStore.SECRETARIAT);
        store.saveReference(REFERENCE); // what every start of the server does
        List<Participation> croatia = store.load().participationsOf("HRV").stream()
                .filter(p -> p.subjectId().equals("SCHENGEN"))
                .toList();
        assertThat(croatia).singleElement().satisfies(p -> {
            assertThat(p.since()).isEqualTo(LocalDate.of(2023, 3, 26));
            assertThat(p.source()).isEqualTo(correction);
        });
        assertThat(store.jdbc()
                        .sql("select count(*) from participation where party_id = 'HRV' and subject_id = 'SCHENGEN'")
                        .query(Integer.class)
                        .single())
                .as("both origins keep their row")
                .isEqualTo(2);
    }

    @Test
    void anOlderFactFromAnotherOriginDoesNotHideNewerReferenceData() {
        Source old = new Source("an old note", "secretariat file", LocalDate.of(2020, 1, 1));
        store.saveParticipation(croatiaInSchengen(LocalDate.of(2030, 1, 1), old), RegistryStore.SECRETARIAT);
        assertThat(store.load().participationsOf("HRV").stream()
                        .filter(p -> p.subjectId().equals("SCHENGEN")))
                .singleElement()
                .extracting(Participation::since)
                .isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void refusesAParticipationOfAnUnknownPartyOrSubjectAndWritesNothing() {
        Source source = new Source("t", "r", LocalDate.of(2026, 1, 1));
        int before = store.jdbc()
                .sql("select count(*) from participation")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> store.saveParticipation(
                        new Participation("QQQ", "ICMW", Participation.Status.SIGNED, null, null, List.of(), source),
                        RegistryStore.SECRETARIAT))
                .hasMessageContaining("unknown party QQQ");
        assertThatThrownBy(() -> store.saveParticipation(
                        new Participation("VAT", "NOPE", Participation.Status.SIGNED, null, null, List.of(), source),
                        RegistryStore.SECRETARIAT))
                .hasMessageContaining("unknown instrument or process NOPE");
        assertThat(store.jdbc()
                        .sql("select count(*) from participation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aYearOnlyDateAndAConditionalCommitmentRoundTripWithTheirPrecisionAndCondition() {
        Source source = new Source("UN Treaty Collection", "test", LocalDate.of(2022, 8, 1));
        store.saveParticipation(
                Participation.inYear("VAT", "ICMW", Participation.Status.RATIFIED, 2007, source),
                RegistryStore.SECRETARIAT);
        Registry loaded = store.load();
        assertThat(loaded.participationsOf("VAT")).singleElement().satisfies(p -> {
            assertThat(p.sincePrecision()).isEqualTo(Participation.Precision.YEAR);
            assertThat(p.sinceText()).isEqualTo("2007");
        });
        assertThat(loaded.commitmentsUnder("EU_VISA_REGULATION"))
                .anySatisfy(c -> assertThat(c.term().pending()).isTrue());
        assertThat(loaded.commitments()).hasSameSizeAs(REFERENCE.commitments());
    }

    @Test
    void aConcurrentWriteNeverMakesALoadFailOrSeeHalfOfIt() throws Exception {
        Source source = new Source("t", "r", LocalDate.of(2026, 1, 1));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    // Two rows in one transaction: a load sees both or neither.
                    store.saveInstrument(
                            REFERENCE.instrument("ICMW").orElseThrow(),
                            REFERENCE.commitmentsUnder("ICMW"),
                            List.of(
                                    new Participation(
                                            "VAT", "ICMW", Participation.Status.SIGNED, null, null, List.of(), source),
                                    new Participation(
                                            "PSE", "ICMW", Participation.Status.SIGNED, null, null, List.of(), source)),
                            RegistryStore.SECRETARIAT);
                    store.saveInstrument(
                            REFERENCE.instrument("ICMW").orElseThrow(),
                            REFERENCE.commitmentsUnder("ICMW"),
                            List.of(),
                            RegistryStore.SECRETARIAT);
                }
                writing.set(false);
            });
            Future<Integer> reader = pool.submit(() -> {
                int loads = 0;
                while (writing.get() || loads == 0) {
                    long observers = store.load().participationsIn("ICMW").stream()
                            .filter(p ->
                                    p.partyId().equals("VAT") || p.partyId().equals("PSE"))
                            .count();
                    assertThat(observers)
                            .as("a load sees a write whole or not at all")
                            .isIn(0L, 2L);
                    loads++;
                }
                return loads;
            });
            writer.get(2, TimeUnit.MINUTES);
            assertThat(reader.get(2, TimeUnit.MINUTES)).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void importsTheRealUnTreatyExtractWithYearsAndSaysItCoversUnMembersOnly() {
        Path file = SharedData.file("ratifications/hr_status_icmw.csv");
        ImportReport report = new TreatyStatusImporter(store).importFile("ICMW", file, DemoData.TREATY_STATUS_AS_OF);
        assertThat(report.rowsRead()).isEqualTo(193);
        Registry loaded = store.load();
        Participation albania = loaded.participationsOf("ALB").stream()
                .filter(p -> p.subjectId().equals("ICMW"))
                .findFirst()
                .orElseThrow();
        assertThat(albania.sinceText()).isEqualTo("2007");
        assertThat(loaded.participationsIn("ICMW"))
                .noneMatch(p -> p.partyId().equals("VAT") || p.partyId().equals("PSE"));
        assertThat(loaded.participationsIn("ICMW"))
                .filteredOn(p -> p.status() == Participation.Status.SIGNED)
                .allSatisfy(p -> assertThat(p.sinceText()).isEqualTo("date unknown"));
        assertThat(loaded.boundParties("ICMW", LocalDate.of(2003, 6, 30)))
                .as("the Convention entered into force on 1 July 2003")
                .isEmpty();
        assertThat(store.importCoverage(TreatyStatusImporter.ORIGIN, "ICMW"))
                .startsWith("the 193 UN member states only")
                .contains("Holy See")
                .contains("State of Palestine");
    }

    @Test
    void keepsEveryDatedVisaSnapshotAndReimportingOneReplacesOnlyIt() {
        Path current = SharedData.file("visa/passport-index-tidy-iso3.csv");
        Path older = SharedData.file("visa/history/passport-index-tidy-iso3-2022-07-03.csv");
        VisaMatrixImporter importer = new VisaMatrixImporter(store);
        int written2025 =
                importer.importFile(current, DemoData.VISA_MATRIX_AS_OF).rowsWritten();
        int written2022 = importer.importFile(older, LocalDate.of(2022, 7, 3)).rowsWritten();
        assertThat(store.countEntryPolicies()).isEqualTo(written2025 + written2022);
        assertThat(importer.importFile(current, DemoData.VISA_MATRIX_AS_OF).unchanged())
                .isTrue();
        assertThat(store.countEntryPolicies()).isEqualTo(written2025 + written2022);
        assertThat(store.countEntryPolicies(LocalDate.of(2022, 7, 3))).isEqualTo(written2022);
    }
}
