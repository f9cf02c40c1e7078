package org.orderly.server.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.regime.Participation;
import org.orderly.regime.Source;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.RegistrySnapshot;
import org.orderly.store.RegistryStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on an ORDERLY_HOME of its own (not a temporary database): its registry writes discard the registry
 * snapshot there, from which {@code orderly travel} answers without the server, so that no command answers from a
 * registry older than a secretariat's edit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrySnapshotWiringTest {
    @TempDir
    static Path home;

    @DynamicPropertySource
    static void ownHome(DynamicPropertyRegistry properties) {
        properties.add("orderly.home", () -> home.toString());
        properties.add("orderly.demo", () -> "false");
        properties.add("orderly.shared-data", () -> "");
    }

    @Autowired
    OrderlyDatabase database;

    @Autowired
    RegistryStore store;

    @Test
    void aRegistryWriteThroughTheServerDiscardsTheSnapshotCommandsAnswerFrom() {
        RegistrySnapshot snapshot = RegistrySnapshot.in(home);
        store.loadIntoSnapshot();
        assertThat(snapshot.exists())
                .as("the server's store keeps the snapshot of its home")
                .isTrue();
        assertThat(database.registrySnapshot().exists()).isTrue();

        Source correction = new Source(
                "Council Decision (EU) 2022/2451, air borders", "OJ L 320, 14.12.2022", LocalDate.of(2026, 11, 30));
        store.saveParticipation(
                new Participation(
                        "HRV",
                        "SCHENGEN",
                        Participation.Status.MEMBER,
                        LocalDate.of(2023, 3, 26),
                        null,
                        List.of(),
                        correction),
                RegistryStore.SECRETARIAT);
        assertThat(snapshot.exists()).as("after the secretariat's edit").isFalse();
    }
}
