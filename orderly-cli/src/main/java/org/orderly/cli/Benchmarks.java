package org.orderly.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Where the scenario benchmarks are: a jar of their own (orderly-bench's benchmarks.jar, with Flink, Lucene and JMH), so
 * that this jar carries none of them. The launcher runs {@code ./orderly bench …} from that jar, building it on first use;
 * this command only says so when the command jar is run directly.
 */
@Command(
        name = "bench",
        description = "Run a scenario benchmark (./orderly bench --help; from the benchmarks jar, built on first use).")
final class Benchmarks implements Runnable {
    /** The benchmarks jar, relative to the project, and the class that runs its scenarios. */
    static final String JAR = "orderly-bench/target/benchmarks.jar";

    static final String MAIN = "org.orderly.bench.BenchCommand";

    @Parameters(arity = "0..*", hidden = true)
    List<String> arguments = List.of();

    @Override
    public void run() {
        throw new Orderly.CommandFailure("the benchmarks are a jar of their own: run ./orderly bench "
                + String.join(" ", arguments) + " (which builds " + JAR + " on first use), or java -cp " + JAR + " "
                + MAIN + " " + String.join(" ", arguments));
    }
}
