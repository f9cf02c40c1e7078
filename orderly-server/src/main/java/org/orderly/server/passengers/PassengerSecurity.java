package org.orderly.server.passengers;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.PersonalDataPaths;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Passenger data is personal data: carriers send manifests; officers of the state holding them read them,
 * pass them on where a commitment allows, and answer data subjects. Applied ahead of the general rules, so that no
 * "GET is public" rule can open these paths; sessions, CSRF and tokens are the general chains'. Which state's data a
 * principal may see is decided per request by the party it acts for.
 */
@Configuration(proxyBeanMethods = false)
class PassengerSecurity {
    /** The role of carriers' systems that send passenger messages. */
    static final String CARRIER = Roles.CARRIER;
    /** The role of officers who assess passengers (the border role). */
    static final String BORDER = Roles.BORDER;

    @Bean
    @Order(2)
    AccessRules passengerDataRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/manifests")
                .hasRole(CARRIER)
                .requestMatchers(HttpMethod.GET, "/api/v1/manifests/rejected")
                .hasAnyRole(CARRIER, BORDER)
                .requestMatchers(PERSONAL_DATA.array())
                .hasAnyRole(BORDER, Roles.SECRETARIAT);
    }

    /** Passenger data held by a state, its transfers and data subjects' requests. */
    static final PersonalDataPaths PERSONAL_DATA = PersonalDataPaths.of(
            "/api/v1/manifests",
            "/api/v1/manifests/**",
            "/api/v1/transfers",
            "/api/v1/transfers/**",
            "/api/v1/data-subjects",
            "/api/v1/data-subjects/**",
            "/manifests",
            "/manifests/**");

    @Bean
    PersonalDataPaths passengerPersonalData() {
        return PERSONAL_DATA;
    }
}
