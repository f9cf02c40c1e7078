package org.orderly.cli;

import java.util.concurrent.CountDownLatch;
import org.orderly.server.OrderlyServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the server on the embedded default, with the reference and demonstration data loaded. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Start the Orderly server (REST API, pages, metrics) on the embedded PostgreSQL with the demo data loaded.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    /** The exit status that tells {@link Orderly#main} to leave the JVM running. */
    static final int KEEP_RUNNING = -1;

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        SpringApplication application = new SpringApplication(OrderlyServer.class);
        java.util.List<String> arguments = new java.util.ArrayList<>(
                java.util.List.of("--server.port=" + port, "--orderly.demo=true", "--logging.level.root=INFO"));
        LocalRegime.sharedData().ifPresent(path -> arguments.add("--orderly.shared-data=" + path));
        // Accounts and other settings may live beside the data: $ORDERLY_HOME/application.properties.
        arguments.add("--spring.config.additional-location=optional:file:"
                + LocalRegime.settings().home() + "/");
        CountDownLatch closed = new CountDownLatch(1);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) closed.countDown();
        });
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        System.err.println("orderly: serving on http://localhost:"
                + context.getEnvironment().getProperty("local.server.port") + "/ — press Ctrl+C to stop");
        return KEEP_RUNNING;
    }
}
