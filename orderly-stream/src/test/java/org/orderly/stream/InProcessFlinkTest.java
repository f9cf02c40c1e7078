package org.orderly.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.orderly.border.crossing.Crossing;
import org.orderly.border.crossing.OverstayWatch;

/**
 * The packaged command loads Flink and Orderly with a class loader of its own (Spring Boot's, over nested jars), not
 * the JVM's system class loader. Here the same: the job runs from a class loader over the test class path whose parent
 * is the platform loader, so the system class loader's copies of the classes are not the job's; the job still runs
 * and gives the embedded path's events.
 */
class InProcessFlinkTest {

    @Test
    void aJobLoadedByAnotherClassLoaderThanTheSystemOneRunsOnTheMiniCluster() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(InProcessFlinkTest::url)
                .toArray(URL[]::new);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader own = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(own);
            Class<?> run = own.loadClass(ApartRun.class.getName());
            assertThat(run).isNotSameAs(ApartRun.class);
            Object outcome = run.getMethod("run").invoke(null);
            assertThat(outcome).isEqualTo("same events: true, outputs > 0: true, system loader sees the job: false");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(entry, e);
        }
    }

    /** Runs inside the other class loader: a small job, compared with the embedded path; answers in plain text. */
    public static final class ApartRun {
        public static String run() throws Exception {
            List<Crossing> crossings = CrossingGenerator.crossings(11, 40, 200);
            List<StreamOutput> out = new ArrayList<>();
            try (CloseableIterator<StreamOutput> results = OverstayJob.build(
                            InProcessFlink.environment(1).fromData(crossings).setParallelism(1), Duration.ofHours(6))
                    .executeAndCollect()) {
                results.forEachRemaining(out::add);
            }
            boolean same = out.stream()
                            .map(StreamOutput::event)
                            .toList()
                            .containsAll(OverstayWatch.replay(crossings, Instant.MAX))
                    && out.size()
                            == OverstayWatch.replay(crossings, Instant.MAX).size();
            return "same events: " + same + ", outputs > 0: " + !out.isEmpty() + ", system loader sees the job: "
                    + InProcessFlink.systemClassLoaderSeesTheJob();
        }
    }
}
