package org.orderly.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;

/**
 * A Flink session cluster of separate processes on this machine, as a deployment runs it: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and task managers ({@code TaskManagerRunner}), each its own JVM, on a
 * class path of Flink's own artifacts from Maven (the test's, less Orderly, Kafka and the connector: those the job jar
 * brings), configured in a {@code config.yaml} of its own, logging to files in its folder. Jobs are submitted through
 * the REST API ({@code /jars/upload}, {@code /jars/:id/run}), as {@code flink run} does.
 */
final class FlinkSessionCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Flink's own scripts pass to every JVM of a cluster on Java 17 (env.java.default-opts.all of Flink's config.yaml). */
    private static final List<String> JAVA_17_OPENS = List.of(
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path folder;
    private final int restPort;
    private final String classPath;
    private final Process jobManager;
    private final Map<String, Process> taskManagers = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private FlinkSessionCluster(Path folder, int restPort, String classPath, Process jobManager) {
        this.folder = folder;
        this.restPort = restPort;
        this.classPath = classPath;
        this.jobManager = jobManager;
    }

    /** Starts the JobManager and {@code taskManagers} task managers of {@code slots} slots each; returns when all are registered. */
    static FlinkSessionCluster start(Path folder, int taskManagers, int slots, Map<String, String> settings)
            throws Exception {
        Path conf = Files.createDirectories(folder.resolve("conf"));
        int restPort = freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", "localhost");
        config.put("jobmanager.rpc.port", String.valueOf(freePort()));
        config.put("jobmanager.bind-host", "localhost");
        config.put("rest.address", "localhost");
        config.put("rest.bind-address", "localhost");
        config.put("rest.port", String.valueOf(restPort));
        config.put("taskmanager.host", "localhost");
        config.put("taskmanager.bind-host", "localhost");
        config.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        config.put("jobmanager.memory.process.size", "1024m");
        config.put("taskmanager.memory.process.size", "1280m");
        config.put("web.upload.dir", folder.resolve("uploads").toString());
        config.put("io.tmp.dirs", Files.createDirectories(folder.resolve("io")).toString());
        config.putAll(settings);
        Files.writeString(
                conf.resolve("config.yaml"),
                config.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(conf.resolve("log4j2.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.file.ref = File
                appender.file.name = File
                appender.file.type = File
                appender.file.fileName = ${sys:log.file}
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
                """);
        String classPath = flinkClassPath();
        FlinkSessionCluster cluster = new FlinkSessionCluster(
                folder,
                restPort,
                classPath,
                start(
                        folder,
                        "jobmanager",
                        classPath,
                        List.of("-Xmx512m"),
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        List.of("--configDir", conf.toString())));
        try {
            for (int i = 1; i <= taskManagers; i++) cluster.startTaskManager("tm-" + i);
            cluster.awaitTaskManagers(taskManagers, Duration.ofMinutes(2));
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Starts a task manager with the resource id {@code id}, its memory worked out from the configuration as Flink's
     * own scripts do (its JVM's heap and direct memory, and the same figures as dynamic properties).
     */
    void startTaskManager(String id) throws IOException {
        Path conf = folder.resolve("conf");
        Configuration configuration = GlobalConfiguration.loadConfiguration(conf.toString());
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(configuration);
        List<String> jvm = Arrays.asList(
                org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils.generateJvmParametersStr(spec)
                        .split(" "));
        List<String> arguments =
                new ArrayList<>(List.of("--configDir", conf.toString(), "-D", "taskmanager.resource-id=" + id));
        arguments.addAll(Arrays.asList(
                TaskExecutorProcessUtils.generateDynamicConfigsStr(spec).strip().split(" ")));
        taskManagers.put(
                id,
                start(
                        folder,
                        id,
                        classPath,
                        jvm,
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        arguments));
    }

    private static Process start(
            Path folder, String name, String classPath, List<String> jvm, String main, List<String> arguments)
            throws IOException {
        Path logs = Files.createDirectories(folder.resolve("log"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(JAVA_17_OPENS);
        command.add("-Dlog.file=" + logs.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + folder.resolve("conf").resolve("log4j2.properties"));
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .start();
    }

    /**
     * Flink's artifacts from the test's class path: everything but Orderly's modules, Kafka (broker and client), the
     * Kafka connector, Jackson (the job jar brings its own) and the test libraries.
     */
    private static String flinkClassPath() {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> excluded = List.of(
                "orderly-",
                "/org/orderly/",
                "/org/apache/kafka/",
                "/org/scala-lang/",
                "flink-connector-kafka",
                "/com/fasterxml/",
                "/org/junit/",
                "/org/assertj/",
                "/org/opentest4j/",
                "/org/apiguardian/");
        return Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar") && excluded.stream().noneMatch(entry::contains))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the task manager's JVM at once, as a crash or the OOM killer would (SIGKILL: no shutdown hook, nothing flushed). */
    void kill(String taskManager) throws InterruptedException {
        Process process = taskManagers.get(taskManager);
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive(String taskManager) {
        return taskManagers.get(taskManager).isAlive();
    }

    /** Uploads a job jar (POST /jars/upload, multipart) and returns its id on the cluster. */
    String upload(Path jar) throws Exception {
        String boundary = "orderly-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/jars/upload"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(jar),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        JsonNode answer = send(request);
        return Path.of(answer.path("filename").asText()).getFileName().toString();
    }

    /** Runs an uploaded jar's main class with arguments (POST /jars/:id/run) and returns the job's id. */
    String run(String jarId, List<String> arguments) throws Exception {
        String body = JSON.writeValueAsString(Map.of("programArgsList", arguments));
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        return answer.path("jobid").asText();
    }

    /** Runs an uploaded jar's main class restored from a savepoint (every piece of its state must be restored). */
    String runFromSavepoint(String jarId, List<String> arguments, String savepoint) throws Exception {
        String body = JSON.writeValueAsString(
                Map.of("programArgsList", arguments, "savepointPath", savepoint, "allowNonRestoredState", false));
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                .timeout(Duration.ofMinutes(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        return answer.path("jobid").asText();
    }

    /**
     * Stops the job with a savepoint in {@code directory} (POST /jobs/:id/stop), as {@code flink stop} does; with
     * {@code drain}, event time is first advanced to its end (every timer fires), as at the end of a bounded input.
     * Returns the savepoint's location once it is complete.
     */
    String stopWithSavepoint(String jobId, String directory, boolean drain, Duration timeout) throws Exception {
        String body = JSON.writeValueAsString(Map.of("targetDirectory", directory, "drain", drain));
        String trigger = send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "/stop"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                .path("request-id")
                .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode answer = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (answer.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = answer.path("operation");
                if (operation.has("failure-cause"))
                    throw new IllegalStateException(
                            "stop with savepoint failed: " + operation.path("failure-cause") + tail("jobmanager"));
                return operation.path("location").asText();
            }
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("no savepoint within " + timeout + tail("jobmanager"));
            Thread.sleep(500);
        }
    }

    /** The job's state: CREATED, RUNNING, RESTARTING, FINISHED, FAILED… */
    String state(String jobId) throws Exception {
        return get("/jobs/" + jobId).path("state").asText();
    }

    int completedCheckpoints(String jobId) throws Exception {
        return get("/jobs/" + jobId + "/checkpoints")
                .path("counts")
                .path("completed")
                .asInt();
    }

    /** The resource ids of the task managers that run a task of the job whose name contains {@code vertexName}. */
    Set<String> taskManagersRunning(String jobId, String vertexName) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            if (!vertex.path("name").asText().contains(vertexName)) continue;
            for (JsonNode taskManager : get("/jobs/" + jobId + "/vertices/"
                            + vertex.path("id").asText() + "/taskmanagers")
                    .path("taskmanagers")) {
                ids.add(taskManager.path("taskmanager-id").asText());
            }
        }
        return ids;
    }

    /** The failures the job recovered from (its exception history). */
    List<String> failures(String jobId) throws Exception {
        List<String> failures = new ArrayList<>();
        for (JsonNode entry :
                get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")) {
            failures.add(entry.path("exceptionName").asText() + ": "
                    + entry.path("taskManagerId").asText());
        }
        return failures;
    }

    /** The job's state and the last failure it restarted from (each exception of its chain), for a failure's message. */
    String describe(String jobId) {
        try {
            JsonNode exceptions = get("/jobs/" + jobId + "/exceptions");
            String root = exceptions
                    .path("exceptionHistory")
                    .path("entries")
                    .path(0)
                    .path("stacktrace")
                    .asText("");
            // The first line of each exception in the chain: the cause is the last.
            return "\n--- job " + jobId + " " + state(jobId) + "\n"
                    + root.lines().filter(line -> !line.startsWith("\t")).collect(Collectors.joining("\n"));
        } catch (Exception e) {
            return "\n--- job " + jobId + ": " + e;
        }
    }

    void awaitTaskManagers(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (get("/taskmanagers").path("taskmanagers").size() >= count) return;
            } catch (IOException | IllegalStateException e) {
                // The REST endpoint is not up yet, or the JobManager not yet leader (503).
            }
            if (!jobManager.isAlive()) throw new IllegalStateException("the JobManager stopped: " + tail("jobmanager"));
            if (System.nanoTime() > deadline)
                throw new IllegalStateException(
                        count + " task managers did not register within " + timeout + ": " + tail("jobmanager")
                                + taskManagers.keySet().stream().map(this::tail).collect(Collectors.joining()));
            Thread.sleep(500);
        }
    }

    /** The end of a process's log, for a failure's message. */
    String tail(String name) {
        try {
            Path log = folder.resolve("log").resolve(name + ".log");
            List<String> lines = Files.exists(log)
                    ? Files.readAllLines(log)
                    : Files.readAllLines(folder.resolve("log").resolve(name + ".out"));
            return "\n--- " + name + "\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    @Override
    public void close() throws Exception {
        for (Process process : taskManagers.values()) process.destroyForcibly();
        jobManager.destroyForcibly();
        for (Process process : taskManagers.values()) process.waitFor();
        jobManager.waitFor();
    }
}
