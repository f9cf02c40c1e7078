package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.Participation;
import org.orderly.regime.Registry;
import org.orderly.regime.Source;
import org.orderly.regime.reference.ReferenceData;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry snapshot that commands answer from without the database: the very registry the store loads, and never
 * older than a write — discarded by every write through the store, by a write that commits while it is being rebuilt,
 * and on opening when the database's revision has moved past it.
 */
class RegistrySnapshotTest {
    private static final Registry REFERENCE = ReferenceData.load();
    private static final Source CORRECTION = new Source(
            "Council Decision (EU) 2022/2451, air borders", "OJ L 320, 14.12.2022", LocalDate.of(2026, 11, 30));
    private static final Participation CROATIA = new Participation(
            "HRV", "SCHENGEN", Participation.Status.MEMBER, LocalDate.of(2023, 3, 26), null, List.of(), CORRECTION);

    @TempDir
    Path home;

    private RegistrySnapshot snapshot;
    private RegistryStore store;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void reference() {
        TestDatabase.emptyStore().saveReference(REFERENCE);
        snapshot = RegistrySnapshot.in(home);
        store = new RegistryStore(TestDatabase.get().dataSource(), snapshot);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Path matrix() throws IOException {
        // Stay days given and not (visa required), a COVID-19 ban: every field of an entry policy.
        return Files.writeString(
                home.resolve("matrix.csv"),
                "Passport,Destination,Requirement\nMAR,JPN,visa required\nJPN,MAR,90\nFRA,DEU,visa free\nNGA,JPN,covid ban\n");
    }

    private boolean holdsCroatiasCorrection(Registry registry) {
        return registry.participationsOf("HRV").stream()
                .anyMatch(p -> p.source().equals(CORRECTION));
    }

    @Test
    void holdsTheRegistryTheStoreLoadsWithItsRevision() throws IOException {
        new VisaMatrixImporter(store).importFile(matrix(), LocalDate.of(2025, 1, 12));
        Registry loaded = store.loadIntoSnapshot();
        RegistrySnapshot.Read read = snapshot.read().orElseThrow();
        assertThat(read.revision()).isEqualTo(store.revision());
        assertThat(read.registry().parties()).isEqualTo(loaded.parties());
        assertThat(read.registry().instruments()).isEqualTo(loaded.instruments());
        assertThat(read.registry().participations()).isEqualTo(loaded.participations());
        assertThat(read.registry().commitments()).isEqualTo(loaded.commitments());
        assertThat(read.registry().entryPolicies())
                .hasSize(4)
                .isEqualTo(loaded.entryPolicies())
                .isEqualTo(store.load().entryPolicies());
    }

    @Test
    void everyWriteThroughTheStoreDiscardsIt() throws IOException {
        store.loadIntoSnapshot();
        assertThat(snapshot.exists()).isTrue();
        store.saveParticipation(CROATIA, RegistryStore.SECRETARIAT);
        assertThat(snapshot.exists()).as("after a participation").isFalse();

        store.loadIntoSnapshot();
        new VisaMatrixImporter(store).importFile(matrix(), LocalDate.of(2025, 1, 12));
        assertThat(snapshot.exists()).as("after a visa matrix import").isFalse();

        store.loadIntoSnapshot();
        store.saveReference(REFERENCE);
        assertThat(snapshot.exists()).as("after the reference data").isFalse();
        assertThat(snapshot.read()).isEmpty();
    }

    @Test
    void aWriteThatCommitsWhileTheSnapshotIsRebuiltDiscardsItWhenItCommits() throws Exception {
        // The server runs a registry write inside a wider transaction (a conclusion: registry and negotiation); another
        // command rebuilds the snapshot from what is committed meanwhile, which does not hold the write yet.
        TransactionTemplate outer = new TransactionTemplate(
                new DataSourceTransactionManager(TestDatabase.get().dataSource()));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch rebuilt = new CountDownLatch(1);
        Future<?> writer = executor.submit(() -> outer.executeWithoutResult(status -> {
            store.saveParticipation(CROATIA, RegistryStore.SECRETARIAT);
            written.countDown();
            try {
                assertThat(rebuilt.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
        Registry before = store.loadIntoSnapshot();
        assertThat(holdsCroatiasCorrection(before))
                .as("the write is not committed yet")
                .isFalse();
        assertThat(snapshot.exists()).as("nothing committed since it was read").isTrue();

        rebuilt.countDown();
        writer.get(60, TimeUnit.SECONDS);
        assertThat(snapshot.exists())
                .as("the commit discards the snapshot read before it")
                .isFalse();
        assertThat(holdsCroatiasCorrection(store.loadIntoSnapshot())).isTrue();
        assertThat(holdsCroatiasCorrection(snapshot.read().orElseThrow().registry()))
                .isTrue();
    }

    @Test
    void aSnapshotOlderThanTheDatabaseIsDiscardedWhenTheDatabaseIsOpened() {
        store.loadIntoSnapshot();
        store.discardStaleSnapshot();
        assertThat(snapshot.exists()).as("the database has not moved").isTrue();

        // A write that did not go through the store (psql), or a writer that stopped between its commit and its
        // discard.
        store.jdbc().sql("update party set name = name where id = 'DEU'").update();
        assertThat(snapshot.exists()).isTrue();
        store.discardStaleSnapshot();
        assertThat(snapshot.exists())
                .as("its revision is behind the database's")
                .isFalse();
    }

    @Test
    void aDamagedOrForeignFileIsReadAsNoneAndDiscarded() throws IOException {
        store.loadIntoSnapshot();
        byte[] whole = Files.readAllBytes(home.resolve(RegistrySnapshot.FILE));
        Files.write(home.resolve(RegistrySnapshot.FILE), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(snapshot.read()).isEmpty();
        assertThat(snapshot.exists()).isFalse();

        Files.writeString(home.resolve(RegistrySnapshot.FILE), "not a snapshot");
        assertThat(snapshot.read()).isEmpty();
        assertThat(snapshot.exists()).isFalse();
    }
}
