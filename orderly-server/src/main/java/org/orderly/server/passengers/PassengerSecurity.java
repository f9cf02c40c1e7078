package org.orderly.server.passengers;

import org.orderly.server.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Passenger data is personal data: carriers send manifests; officers of the state holding them read them,
 * pass them on where a commitment allows, and answer data subjects. A chain of its own, ahead of the
 * general one, so that no "GET is public" rule can open these paths. Which state's data a principal
 * may see is decided per request by the party it acts for.
 */
@Configuration(proxyBeanMethods = false)
class PassengerSecurity {
    /** The role of carriers' systems that send passenger messages. */
    static final String CARRIER = "CARRIER";
    /** The role of officers who assess passengers (the border role). */
    static final String BORDER = "BORDER";

    @Bean
    @Order(2)
    SecurityFilterChain passengerDataChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/manifests", "/api/v1/manifests/**", "/api/v1/transfers", "/api/v1/transfers/**",
                        "/api/v1/data-subjects", "/api/v1/data-subjects/**", "/manifests", "/manifests/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/manifests").hasRole(CARRIER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/manifests/rejected").hasAnyRole(CARRIER, BORDER)
                        .anyRequest().hasAnyRole(BORDER, SecurityConfiguration.SECRETARIAT))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
