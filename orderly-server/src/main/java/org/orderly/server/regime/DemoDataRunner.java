package org.orderly.server.regime;

import java.nio.file.Path;
import java.util.Optional;
import org.orderly.server.OrderlyProperties;
import org.orderly.store.DemoData;
import org.orderly.store.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, writes the reference data and, with {@code orderly.demo} on, the public data sets found beside the project. */
@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final OrderlyProperties properties;
    private final RegistryStore store;
    private final RegimeService regime;

    DemoDataRunner(OrderlyProperties properties, RegistryStore store, RegimeService regime) {
        this.properties = properties;
        this.store = store;
        this.regime = regime;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Path> shared = properties.demo()
                        && properties.sharedData() != null
                        && !properties.sharedData().isBlank()
                ? Optional.of(Path.of(properties.sharedData()))
                : Optional.empty();
        DemoData.prepare(store, shared).forEach(line -> log.info("Demo data: {}", line));
        regime.reload();
        log.info(
                "Registry loaded: {} parties, {} instruments, {} participations, {} commitments, {} entry policies",
                regime.registry().parties().size(),
                regime.registry().instruments().size(),
                regime.registry().participations().size(),
                regime.registry().commitments().size(),
                regime.registry().entryPolicies().size());
    }
}
