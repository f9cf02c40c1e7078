package org.orderly.server.negotiation;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The negotiation pages' actions: the secretariat opens the demonstration, asks the engine for a
 * proposal and concludes; a party's negotiator enters its valuation (answers are in the general rules).
 */
@Configuration(proxyBeanMethods = false)
class NegotiationSecurity {
    @Bean
    @Order(2)
    AccessRules negotiationPageRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/negotiations/demo", "/negotiations/*/room/propose", "/negotiations/*/room/conclude")
                .hasRole(Roles.SECRETARIAT)
                .requestMatchers(HttpMethod.POST, "/negotiations/*/room/valuation").hasRole(Roles.NEGOTIATOR);
    }
}
