package org.orderly.server.coherence;

import org.orderly.regime.coherence.CoherenceChecker;
import org.orderly.regime.coherence.CoherenceRules;
import org.orderly.server.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Checking a draft writes nothing and reveals only public registry facts, so anyone may do it (a civil-society body as much
 * as a ministry); the checker the negotiation's conclusion asks is the regime's rules.
 */
@Configuration(proxyBeanMethods = false)
class CoherenceSecurity {
    @Bean
    @Order(3)
    AccessRules coherenceRules() {
        return requests ->
                requests.requestMatchers(HttpMethod.POST, "/api/v1/coherence").permitAll();
    }

    @Bean
    CoherenceChecker coherenceChecker() {
        return CoherenceRules.STANDARD;
    }
}
