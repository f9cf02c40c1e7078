package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code orderly audit}: checkpoint, verify, export, and the offline verification of an export with the public key alone. */
class AuditCommandTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-cli-audit-test");

    private static <T> T withDatabase(java.util.function.Function<OrderlyDatabase, T> work) {
        try (OrderlyDatabase database =
                OrderlyDatabase.open(new DatabaseSettings(HOME.path(), null, null, null, false, true))) {
            return work.apply(database);
        }
    }

    @Test
    void checkpointsVerifiesExportsAndVerifiesTheExportOfflineNamingWhatIsMissing() throws IOException {
        withDatabase(database -> {
            AuditStore audit = AuditStore.open(
                    database.dataSource(), database.home().resolve("audit"), java.time.Clock.systemUTC());
            for (int i = 1; i <= 5; i++) audit.append("officer", "DEU", "BORDER_CHECK", "wanted-persons", "hits: " + i);
            return null;
        });
        CommandRun checkpoint = CommandRun.of("audit", "checkpoint");
        assertThat(checkpoint.status()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).startsWith("checkpoint: 5 entries");

        CommandRun verify = CommandRun.of("audit", "verify");
        assertThat(verify.status()).as(verify.err()).isZero();
        assertThat(verify.out())
                .startsWith("intact: 5 entries, signed by SHA256:")
                .contains("matches the signed checkpoint");

        Path export = HOME.path().resolve("audit-export.txt");
        assertThat(CommandRun.of("audit", "export", "--output", export.toString())
                        .status())
                .isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export)))
                .as("who did what to whose data: owner only")
                .isEqualTo("rw-------");
        // A link planted where the export is to go would send the log wherever it points: refused, nothing written
        // there.
        Path elsewhere = Files.writeString(HOME.path().resolve("elsewhere.txt"), "untouched\n");
        Path link = Files.createSymbolicLink(HOME.path().resolve("linked-export.txt"), elsewhere);
        CommandRun throughLink = CommandRun.of("audit", "export", "--output", link.toString());
        assertThat(throughLink.status()).isEqualTo(1);
        assertThat(throughLink.err()).contains(link + " is a symbolic link").contains("nothing was written");
        assertThat(Files.readString(elsewhere)).isEqualTo("untouched\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        Path key = HOME.path().resolve("published-key.pem");
        CommandRun publicKey = CommandRun.of("audit", "public-key");
        Files.writeString(key, publicKey.out());
        assertThat(publicKey.out()).startsWith("-----BEGIN PUBLIC KEY-----");

        CommandRun offline =
                CommandRun.of("audit", "verify", "--export", export.toString(), "--public-key", key.toString());
        assertThat(offline.status()).as(offline.out() + offline.err()).isZero();
        assertThat(offline.out()).startsWith("intact: 5 entries");

        Path cut = Files.writeString(
                HOME.path().resolve("cut-export.txt"),
                Files.readAllLines(export).stream()
                        .filter(line -> !line.startsWith("entry\t5\t"))
                        .collect(Collectors.joining("\n", "", "\n")));
        CommandRun truncated =
                CommandRun.of("audit", "verify", "--export", cut.toString(), "--public-key", key.toString());
        assertThat(truncated.status()).isEqualTo(3);
        assertThat(truncated.out())
                .startsWith("BROKEN at entry 5: entry 5 is missing")
                .contains("(truncated)");

        CommandRun onlyOne = CommandRun.of("audit", "verify", "--export", export.toString());
        assertThat(onlyOne.status()).isEqualTo(1);
        assertThat(onlyOne.err()).contains("needs both --export FILE and --public-key FILE");

        // Someone with the database's password deletes everything: the checkpoint outside the database shows it.
        withDatabase(database -> JdbcClient.create(database.dataSource())
                .sql("delete from audit_entry")
                .update());
        CommandRun emptied = CommandRun.of("audit", "verify", "--json");
        assertThat(emptied.status()).isEqualTo(3);
        assertThat(emptied.out()).contains("every entry was deleted").contains("\"intact\" : false");
    }
}
