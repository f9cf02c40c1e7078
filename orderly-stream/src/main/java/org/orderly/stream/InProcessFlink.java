package org.orderly.stream;

import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Flink's mini cluster in this process, the way Orderly runs its jobs on one machine (tests, the benchmark, the
 * embedded default), from the Maven class path and from the packaged {@code orderly} command alike.
 */
public final class InProcessFlink {
    private InProcessFlink() {}

    /**
     * A local environment of {@code parallelism} slots.
     *
     * <p>A job that names no jars or class path is deserialised by Flink's job and task managers with the JVM's system
     * class loader. In the packaged command (a Spring Boot jar of nested jars) that loader sees only Spring Boot's
     * launcher, not Flink or Orderly, and the job fails with {@code ClassNotFoundException}. There the job names the
     * location of its own code as its class path and resolves classes parent-first: Flink then builds a user-code
     * class loader whose parent is the one that loaded Flink and Orderly, and every class resolves through it.
     */
    public static StreamExecutionEnvironment environment(int parallelism) {
        Configuration configuration = new Configuration();
        OverstayJob.configure(configuration);
        if (!systemClassLoaderSeesTheJob()) {
            configuration.set(PipelineOptions.CLASSPATHS, List.of(codeLocation()));
            configuration.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        }
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, configuration);
    }

    /** Where the job's classes come from: their jar (nested in the command's jar) or, if not said, the JVM's class path. */
    private static String codeLocation() {
        CodeSource source = OverstayJob.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null)
            return source.getLocation().toString();
        String first = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
        return Path.of(first).toAbsolutePath().toUri().toString();
    }

    static boolean systemClassLoaderSeesTheJob() {
        try {
            return Class.forName(OverstayJob.class.getName(), false, ClassLoader.getSystemClassLoader())
                            == OverstayJob.class
                    && Class.forName(
                                    StreamExecutionEnvironment.class.getName(),
                                    false,
                                    ClassLoader.getSystemClassLoader())
                            == StreamExecutionEnvironment.class;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
