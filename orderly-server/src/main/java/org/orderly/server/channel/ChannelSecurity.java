package org.orderly.server.channel;

import org.orderly.server.security.AccessRules;
import org.orderly.server.security.PersonalDataPaths;
import org.orderly.server.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/**
 * Legal channels: the channels, the finder and quota totals are public; the secretariat defines channels; a state's
 * immigration authority allocates its own channels' places and reads who holds them. Applicants' identities are personal
 * data: allocations are never public, and every grant and refusal is audited. Applied ahead of the general rules.
 */
@Configuration(proxyBeanMethods = false)
class ChannelSecurity {

    @Bean
    @Order(3)
    AccessRules channelRules() {
        return requests -> requests.requestMatchers(PERSONAL_DATA.array())
                .hasRole(Roles.IMMIGRATION)
                .requestMatchers(HttpMethod.POST, "/api/v1/channels")
                .hasRole(Roles.SECRETARIAT);
    }

    /** Allocations name applicants. */
    static final PersonalDataPaths PERSONAL_DATA =
            PersonalDataPaths.of("/api/v1/channels/*/allocations", "/api/v1/channels/*/allocations/**");

    @Bean
    PersonalDataPaths channelPersonalData() {
        return PERSONAL_DATA;
    }
}
