package org.orderly.server.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.orderly.server.OrderlyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public data is public: anyone may read the registry, the rulebook and the pages. Every write
 * needs an authenticated principal with the secretariat role. A principal acts for one party,
 * carried as the authority {@code PARTY_<code>}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The role that may change the registry. */
    public static final String SECRETARIAT = "SECRETARIAT";

    /** The role of a party's negotiators: they enter their party's valuation and answer proposals. */
    public static final String NEGOTIATOR = "NEGOTIATOR";

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Negotiation: a party's own valuation, explanation and frontier need a signed-in principal;
                        // the service then checks that the principal acts for that very party.
                        .requestMatchers(HttpMethod.GET, "/api/v1/negotiations/*/valuations/**", "/api/v1/negotiations/*/explanations/**",
                                "/api/v1/negotiations/*/frontier", "/negotiations/*/room/**", "/negotiations/*/room").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/negotiations/*/valuations/*").hasRole(NEGOTIATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/negotiations/*/answers/*", "/negotiations/*/room/answer").hasRole(NEGOTIATOR)
                        // The audit log concerns acts on personal data: the secretariat's, never public.
                        .requestMatchers("/api/v1/audit/**", "/api/v1/audit").hasRole(SECRETARIAT)
                        // The secretariat's registry pages (recording participations with their sources).
                        .requestMatchers("/secretariat/**").hasRole(SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .requestMatchers("/api/v1/**").hasRole(SECRETARIAT)
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(OrderlyProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (OrderlyProperties.User user : properties.users()) {
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalStateException("orderly.users: the account '" + user.name() + "' has no password");
            }
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            (user.roles() == null ? List.<String>of() : user.roles())
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))));
            if (user.party() != null && !user.party().isBlank()) authorities.add(new SimpleGrantedAuthority("PARTY_" + user.party()));
            users.add(User.withUsername(user.name()).password(user.password()).authorities(authorities).build());
        }
        if (users.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.add(User.withUsername("secretariat").password(encoder.encode(password)).roles(SECRETARIAT).build());
            log.warn("No accounts configured (orderly.users): created the account 'secretariat' with the one-time password {} "
                    + "for this run only. Configure accounts for real use.", password);
        }
        return new InMemoryUserDetailsManager(users);
    }
}
