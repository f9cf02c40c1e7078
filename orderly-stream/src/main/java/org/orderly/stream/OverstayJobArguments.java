package org.orderly.stream;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.util.TimeUtils;

/**
 * What the overstay job on a cluster is told on its command line ({@code flink run orderly-overstay-job.jar …}, or the
 * cluster's REST API): where Kafka is, which topics it reads and writes, where checkpoints go and how often, with which
 * state backend, how many parallel instances, the lateness allowed and how long a silent partition holds event time
 * back. Durations as Flink writes them ({@code 6 h}, {@code 10 s}, {@code 1 min}, {@code PT6H}).
 */
public record OverstayJobArguments(
        String bootstrapServers,
        String crossingsTopic,
        String outputsTopic,
        String group,
        URI checkpoints,
        Duration checkpointInterval,
        String stateBackend,
        Integer parallelism,
        Duration lateness,
        Duration idleness,
        boolean toTheEnd) {

    static final String USAGE = """
            orderly overstay job: --bootstrap-servers HOST:PORT[,…] --checkpoints URI [options]
              --crossings-topic NAME       the topic of crossings, one CSV record per message (default crossings)
              --outputs-topic NAME         the topic the stay events, late crossings and reports go to (default stay-events)
              --group ID                   the consumer group, also the prefix of the output transactions (default orderly-overstays)
              --checkpoints URI            where checkpoints go, e.g. file:///var/lib/orderly/checkpoints or s3://bucket/checkpoints
              --checkpoint-interval TIME   how often (default 10 s); outputs are committed to Kafka at each checkpoint
              --state-backend NAME         rocksdb (default) or hashmap
              --parallelism N              parallel instances (default: the cluster's)
              --lateness TIME              how far behind its partition a crossing may come and still count (default 6 h)
              --idleness TIME|none         how long a silent partition holds event time back (default 1 min)
              --to-the-end                 stop at the offsets that are the latest at the start (a replay), instead of reading on
            """;

    public OverstayJobArguments {
        if (bootstrapServers == null || bootstrapServers.isBlank())
            throw new IllegalArgumentException("--bootstrap-servers is required\n" + USAGE);
        if (checkpoints == null)
            throw new IllegalArgumentException(
                    "--checkpoints is required (the job commits its outputs at each checkpoint)\n" + USAGE);
        if (checkpoints.getScheme() == null)
            throw new IllegalArgumentException("--checkpoints " + checkpoints
                    + ": give a URI with its scheme, e.g. file:///var/lib/orderly/checkpoints");
        if (!List.of("rocksdb", "hashmap").contains(stateBackend))
            throw new IllegalArgumentException("--state-backend " + stateBackend + ": rocksdb or hashmap");
        if (parallelism != null && parallelism < 1)
            throw new IllegalArgumentException("--parallelism " + parallelism + ": at least 1");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero())
            throw new IllegalArgumentException("--checkpoint-interval must be positive");
        if (lateness.isNegative()) throw new IllegalArgumentException("--lateness must not be negative");
    }

    /** The arguments as given ({@code --name value} pairs and the flag {@code --to-the-end}); a wrong one is named with the usage. */
    public static OverstayJobArguments parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        boolean toTheEnd = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--to-the-end")) {
                toTheEnd = true;
                continue;
            }
            if (!OPTIONS.contains(name))
                throw new IllegalArgumentException("unknown argument '" + name + "'\n" + USAGE);
            if (i + 1 >= args.length) throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            given.put(name, args[++i]);
        }
        String idleness = given.getOrDefault("--idleness", "1 min");
        return new OverstayJobArguments(
                given.get("--bootstrap-servers"),
                given.getOrDefault("--crossings-topic", "crossings"),
                given.getOrDefault("--outputs-topic", "stay-events"),
                given.getOrDefault("--group", "orderly-overstays"),
                given.containsKey("--checkpoints") ? uri(given.get("--checkpoints")) : null,
                duration("--checkpoint-interval", given.getOrDefault("--checkpoint-interval", "10 s")),
                given.getOrDefault("--state-backend", "rocksdb").toLowerCase(Locale.ROOT),
                given.containsKey("--parallelism") ? integer("--parallelism", given.get("--parallelism")) : null,
                duration("--lateness", given.getOrDefault("--lateness", "6 h")),
                idleness.equalsIgnoreCase("none") ? null : duration("--idleness", idleness),
                toTheEnd);
    }

    private static final List<String> OPTIONS = List.of(
            "--bootstrap-servers",
            "--crossings-topic",
            "--outputs-topic",
            "--group",
            "--checkpoints",
            "--checkpoint-interval",
            "--state-backend",
            "--parallelism",
            "--lateness",
            "--idleness");

    /** The topic of crossings as these arguments say, read by as many readers as the job's parallelism. */
    public CrossingTopic topic(int readers) {
        CrossingTopic topic = new CrossingTopic(bootstrapServers, crossingsTopic, group, false, idleness, readers);
        return toTheEnd ? topic.readToTheEnd() : topic;
    }

    private static URI uri(String text) {
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--checkpoints '" + text + "' is not a URI: " + e.getMessage());
        }
    }

    private static Duration duration(String name, String text) {
        try {
            return TimeUtils.parseDuration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a duration such as 6 h, 10 s or PT6H");
        }
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a whole number");
        }
    }
}
