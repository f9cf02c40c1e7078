package org.orderly.server.passengers;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Passenger data is personal data: carriers send manifests; officers of the state holding them read them,
 * pass them on where a commitment allows, and answer data subjects. Applied ahead of the general rules, so that
 * no "GET is public" rule can open these paths. Which state's data a principal may see is decided per request
 * by the party it acts for.
 */
@Configuration(proxyBeanMethods = false)
class PassengerSecurity {

    @Bean
    @Order(2)
    AccessRules passengerDataRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/manifests").hasRole(Roles.CARRIER)
                .requestMatchers(HttpMethod.GET, "/api/v1/manifests/rejected").hasAnyRole(Roles.CARRIER, Roles.BORDER)
                .requestMatchers("/api/v1/manifests", "/api/v1/manifests/**", "/api/v1/transfers", "/api/v1/transfers/**",
                        "/api/v1/data-subjects", "/api/v1/data-subjects/**", "/manifests", "/manifests/**")
                .hasAnyRole(Roles.BORDER, Roles.SECRETARIAT);
    }
}
