package org.orderly.server.lab;

import org.orderly.server.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * The lab is public: a scenario is a question about aggregate public data and changes nothing, so anyone may post one
 * (a browser with a session still sends its CSRF token, as for every POST).
 */
@Configuration(proxyBeanMethods = false)
class LabSecurity {

    @Bean
    @Order(6)
    AccessRules labRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/lab/projection", "/lab")
                .permitAll();
    }
}
