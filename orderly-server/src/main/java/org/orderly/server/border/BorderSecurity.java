package org.orderly.server.border;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.PersonalDataPaths;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Personal data at the border: submitted documents, watchlists, screening, border checks and the border page need an
 * authenticated principal with the border or secretariat role; comparing two names stores nothing and is public.
 * Applied ahead of the general rules, so that no later "GET is public" rule can ever open these paths.
 */
@Configuration(proxyBeanMethods = false)
class BorderSecurity {

    /** The role of border officers. */
    static final String BORDER = Roles.BORDER;

    @Bean
    @Order(1)
    AccessRules personalDataRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/names/compare")
                .permitAll()
                .requestMatchers("/api/v1/names/**")
                .denyAll()
                .requestMatchers(PERSONAL_DATA.array())
                .hasAnyRole(BORDER, Roles.SECRETARIAT);
    }

    /** Border officers' and the secretariat's paths: personal data. */
    static final PersonalDataPaths PERSONAL_DATA = PersonalDataPaths.of(
            "/api/v1/documents/**",
            "/api/v1/watchlists",
            "/api/v1/watchlists/**",
            "/api/v1/screening",
            "/api/v1/screening/**",
            "/api/v1/border-checks",
            "/api/v1/border-checks/**",
            "/border",
            "/border/**",
            "/api/v1/crossings",
            "/api/v1/crossings/**",
            "/api/v1/overstays",
            "/api/v1/overstays/**",
            "/api/v1/stays/**",
            "/api/v1/readmission-cases",
            "/api/v1/readmission-cases/**");

    @Bean
    PersonalDataPaths borderPersonalData() {
        return PERSONAL_DATA;
    }
}
