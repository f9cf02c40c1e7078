package org.orderly.server.border;

import org.orderly.server.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Personal data at the border: submitted documents, watchlists, screening, border checks and the border page need an
 * authenticated principal with the border or secretariat role; comparing two names stores nothing and is public.
 * A chain of its own, ahead of the general one, so that no later "GET is public" rule can ever open these paths.
 */
@Configuration(proxyBeanMethods = false)
class BorderSecurity {

    /** The role of border officers. */
    static final String BORDER = "BORDER";

    @Bean
    @Order(1)
    SecurityFilterChain personalDataChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/documents/**", "/api/v1/names/**", "/api/v1/watchlists", "/api/v1/watchlists/**",
                        "/api/v1/screening", "/api/v1/screening/**", "/api/v1/border-checks", "/api/v1/border-checks/**",
                        "/border", "/border/**", "/api/v1/crossings", "/api/v1/crossings/**", "/api/v1/overstays",
                        "/api/v1/overstays/**", "/api/v1/stays/**", "/api/v1/readmission-cases", "/api/v1/readmission-cases/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/names/compare").permitAll()
                        .requestMatchers("/api/v1/names/**").denyAll()
                        .anyRequest().hasAnyRole(BORDER, SecurityConfiguration.SECRETARIAT))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }
}
