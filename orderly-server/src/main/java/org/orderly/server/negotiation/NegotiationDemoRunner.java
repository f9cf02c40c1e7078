package org.orderly.server.negotiation;

import org.orderly.negotiation.procedure.Proceedings;
import org.orderly.negotiation.solver.Objective;
import org.orderly.server.OrderlyProperties;
import org.orderly.store.negotiation.NegotiationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code orderly.demo} on, opens the ILLUSTRATIVE DEU–MAR demonstration negotiation (after
 * the registry is loaded), enters its invented valuations and lets the engine propose; once only.
 */
@Component
@Order(10)
class NegotiationDemoRunner implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(NegotiationDemoRunner.class);

    private final OrderlyProperties properties;
    private final NegotiationService negotiations;

    NegotiationDemoRunner(OrderlyProperties properties, NegotiationService negotiations) {
        this.properties = properties;
        this.negotiations = negotiations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo()) return;
        NegotiationStore.Record demo = negotiations.openDemonstration();
        if (demo.proceedings().status(negotiations.now()) == Proceedings.Status.OPEN
                && demo.proceedings().proposals().isEmpty()) {
            negotiations.propose(demo.id(), Objective.JOINT, Proceedings.Actor.secretariat("demonstration"));
            log.info("Demo data: opened the ILLUSTRATIVE negotiation {} and the engine proposed a deal", demo.id());
        }
    }
}
