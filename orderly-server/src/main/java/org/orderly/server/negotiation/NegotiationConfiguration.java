package org.orderly.server.negotiation;

import javax.sql.DataSource;
import org.orderly.negotiation.solver.DealSolver;
import org.orderly.negotiation.solver.SolverSettings;
import org.orderly.store.negotiation.NegotiationStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the negotiation store and the deal solver (time limit per solver call: {@code orderly.negotiation.time-limit-seconds}). */
@Configuration(proxyBeanMethods = false)
class NegotiationConfiguration {

    @Bean
    NegotiationStore negotiationStore(DataSource dataSource) {
        return new NegotiationStore(dataSource);
    }

    @Bean
    DealSolver dealSolver(@Value("${orderly.negotiation.time-limit-seconds:10}") double timeLimitSeconds) {
        return new DealSolver(SolverSettings.DEFAULT.withTimeLimit(timeLimitSeconds));
    }
}
