package org.orderly.server.negotiation;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The negotiation pages' and API's actions: the secretariat opens and concludes; a party's negotiator enters its
 * valuation, files requests, offers and its schedule of exceptions (answers are in the general rules). Who may table a
 * proposal, close the offers, speak or file a paper depends on the procedure (the chair, observers): any signed-in
 * principal reaches those, and the negotiation's proceedings refuse (403) whoever the procedure does not allow.
 */
@Configuration(proxyBeanMethods = false)
class NegotiationSecurity {
    @Bean
    @Order(2)
    AccessRules negotiationPageRules() {
        return requests -> requests.requestMatchers(
                        HttpMethod.POST, "/negotiations/demo", "/negotiations/open", "/negotiations/*/room/conclude")
                .hasRole(Roles.SECRETARIAT)
                .requestMatchers(
                        HttpMethod.POST,
                        "/negotiations/*/room/valuation",
                        "/negotiations/*/room/request",
                        "/negotiations/*/room/offer",
                        "/negotiations/*/room/exceptions")
                .hasRole(Roles.NEGOTIATOR)
                .requestMatchers(HttpMethod.POST, "/api/v1/negotiations/*/requests", "/api/v1/negotiations/*/offers")
                .hasRole(Roles.NEGOTIATOR)
                .requestMatchers(HttpMethod.PUT, "/api/v1/negotiations/*/exceptions/*")
                .hasRole(Roles.NEGOTIATOR)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/negotiations/*/proposals",
                        "/api/v1/negotiations/*/closing",
                        "/api/v1/negotiations/*/statements",
                        "/api/v1/negotiations/*/papers")
                .authenticated()
                .requestMatchers(
                        HttpMethod.POST,
                        "/negotiations/*/room/propose",
                        "/negotiations/*/room/close",
                        "/negotiations/*/room/statement")
                .authenticated();
    }
}
