package org.orderly.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.orderly.server.OrderlyProperties;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, and how a caller proves who it is. Public data is public: anyone reads the registry, the rulebook
 * and the pages. A principal acts for one party (authority {@code PARTY_<code>}) with roles ({@link Roles}).
 *
 * <p>Two ways in, two filter chains. <b>API clients</b> send their credentials in the {@code Authorization} header with
 * every request (a personal access token as {@code Bearer}, or HTTP Basic): no session, no cookie, and no CSRF token,
 * since a browser never adds that header on its own (the server never sends a Basic challenge that would make it
 * remember a password). <b>Browsers</b> sign in once on the sign-in page and carry a session cookie: every request that
 * changes something, pages and {@code /api/**} alike, needs the session's CSRF token, so a page of another site
 * cannot act with the cookie. Password guessing is slowed per account and address ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The role that may change the registry. */
    public static final String SECRETARIAT = Roles.SECRETARIAT;

    /** The role of a party's negotiators: they enter their party's valuation and answer proposals. */
    public static final String NEGOTIATOR = Roles.NEGOTIATOR;

    /** Content Security Policy of every response: scripts and everything else from this server only; no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Requests that carry their own credentials in a header (Bearer token or Basic). */
    static final RequestMatcher HEADER_CREDENTIALS = request -> {
        String header = request.getHeader("Authorization");
        if (header == null) return false;
        String scheme = header.trim().toLowerCase(Locale.ROOT);
        return scheme.startsWith("bearer ") || scheme.startsWith("basic ");
    };

    @Bean
    @Order(0)
    SecurityFilterChain apiClients(
            HttpSecurity http,
            List<AccessRules> rules,
            AuthenticationManager passwords,
            AccessTokenStore tokens,
            InMemoryUserDetailsManager accounts)
            throws Exception {
        SecurityProblems problems = SecurityProblems.forApiClients();
        http.securityMatcher(HEADER_CREDENTIALS)
                .authorizeHttpRequests(requests -> authorize(requests, rules))
                .authenticationManager(passwords)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new AccessTokenFilter(tokens, accounts, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // No cookie authenticates these requests, so there is nothing for another site to forge.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        headers(http);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain browsers(
            HttpSecurity http,
            List<AccessRules> rules,
            AuthenticationManager passwords,
            List<PersonalDataPaths> personalData,
            @Value("${orderly.sessions.per-account:10}") int sessionsPerAccount)
            throws Exception {
        SecurityProblems problems = SecurityProblems.forBrowsers();
        http.authorizeHttpRequests(requests -> authorize(requests, rules))
                .authenticationManager(passwords)
                .formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .successHandler(nextPage())
                        .failureHandler(signInFailed())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/signout")
                        .logoutSuccessUrl("/signin?signedout")
                        .invalidateHttpSession(true)
                        .deleteCookies("JSESSIONID"))
                // Pages remember where to go after sign-in in the link (?next=), not in a session: anonymous visitors
                // get none.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // Only a sign-in creates a session (the sign-in form's CSRF token needs none, SignInFormTokens), and an
                // account holds at most orderly.sessions.per-account of them: a further sign-in ends its least recently
                // used one. With accounts configured, not created by visitors, that bounds the server's sessions.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionConcurrency(concurrency ->
                                concurrency.maximumSessions(sessionsPerAccount).expiredUrl("/signin?expired")))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Every path, /api/** included: a request that changes something and comes with a session cookie needs
                // the
                // session's CSRF token, and so does signing in. A request with no cookie at all acts anonymously:
                // nothing to forge.
                // A session's read of personal data must come from Orderly's own pages (Sec-Fetch-Site), not a link
                // elsewhere.
                .addFilterBefore(new SameOriginReads(personalData), AuthorizationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(new SignInFormTokens())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken));
        headers(http);
        return http.build();
    }

    /** The audit log names who read which personal data: the secretariat's. */
    static final PersonalDataPaths AUDIT = PersonalDataPaths.of("/api/v1/audit", "/api/v1/audit/**");

    @Bean
    PersonalDataPaths auditPersonalData() {
        return AUDIT;
    }

    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method))
            return false;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getRequestedSessionId() != null || path.equals("/signin") || path.equals("/signout");
    }

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Sent on requests that arrived over TLS only (directly, or through a proxy when forwarded headers are
                // trusted).
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                        .maxAgeInSeconds(Duration.ofDays(365).toSeconds())));
    }

    /** The rules of each capability first, then the general ones. */
    private static void authorize(
            org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<HttpSecurity>
                            .AuthorizationManagerRequestMatcherRegistry
                    requests,
            List<AccessRules> rules) {
        rules.forEach(rule -> rule.apply(requests));
        requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/actuator", "/actuator/**")
                .hasAnyRole(Roles.SECRETARIAT, Roles.OPERATOR)
                .requestMatchers("/signin", "/error")
                .permitAll()
                // Managing tokens needs a password (Basic, or a session from the sign-in page), never a token: no token
                // can mint another that would outlive its own revocation.
                .requestMatchers("/account", "/account/**", "/api/v1/tokens", "/api/v1/tokens/**")
                .hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                // Negotiation: a party's own valuation, explanation and frontier are its negotiators' only;
                // the service then checks that the principal acts for that very party.
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/negotiations/*/valuations/**",
                        "/api/v1/negotiations/*/explanations/**",
                        "/api/v1/negotiations/*/frontier")
                .hasRole(Roles.NEGOTIATOR)
                .requestMatchers("/negotiations/*/room/**", "/negotiations/*/room")
                .authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/v1/negotiations/*/valuations/*")
                .hasRole(Roles.NEGOTIATOR)
                .requestMatchers(HttpMethod.POST, "/api/v1/negotiations/*/answers/*", "/negotiations/*/room/answer")
                .hasRole(Roles.NEGOTIATOR)
                // The audit log concerns acts on personal data: the secretariat's, never public.
                .requestMatchers(AUDIT.array())
                .hasRole(Roles.SECRETARIAT)
                // The secretariat's registry pages (recording participations with their sources).
                .requestMatchers("/secretariat", "/secretariat/**")
                .hasRole(Roles.SECRETARIAT)
                .requestMatchers(HttpMethod.GET, "/api/v1/**")
                .permitAll()
                .requestMatchers("/api/v1/**")
                .hasRole(Roles.SECRETARIAT)
                .requestMatchers(HttpMethod.GET, "/**")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**")
                .permitAll()
                // Anything else that changes something, anywhere, needs a principal; unknown paths then answer 404.
                .anyRequest()
                .authenticated();
    }

    /** After sign-in: back to the page that asked for it ({@code ?next=}, a path on this server only), else home. */
    private static AuthenticationSuccessHandler nextPage() {
        return (request, response, authentication) ->
                response.sendRedirect(request.getContextPath() + safeNext(request));
    }

    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, failure) -> {
            String reason = failure instanceof SignInThrottle.ThrottledException ? "throttled" : "error";
            String next = safeNext(request);
            response.sendRedirect(request.getContextPath() + "/signin?" + reason
                    + ("/".equals(next) ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        };
    }

    /** The {@code next} parameter when it is a path on this server (never another host: no open redirect), else "/". */
    static String safeNext(HttpServletRequest request) {
        String next = request.getParameter("next");
        if (next == null
                || next.isBlank()
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.contains("\r")
                || next.contains("\n")
                || next.startsWith("/signin")
                || next.startsWith("/signout")) {
            return "/";
        }
        return next;
    }

    /** Tells the session registry (sessions per account) when a session ends, so that ended ones stop counting. */
    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager users(OrderlyProperties properties, PasswordEncoder encoder) {
        return Accounts.of(properties, encoder);
    }

    @Bean
    AccessTokenStore accessTokenStore(DataSource dataSource, java.time.Clock clock) {
        return new AccessTokenStore(dataSource, clock);
    }

    /** Password sign-in (form and Basic), throttled: {@code orderly.sign-in.*} sets the limits ({@link SignInThrottle}). */
    @Bean
    AuthenticationManager passwordAuthentication(
            InMemoryUserDetailsManager accounts,
            PasswordEncoder encoder,
            @Value("${orderly.sign-in.free-failures:5}") int freeFailures,
            @Value("${orderly.sign-in.first-delay:PT1S}") Duration firstDelay,
            @Value("${orderly.sign-in.max-delay:PT15M}") Duration maxDelay,
            @Value("${orderly.sign-in.failures-per-account:100}") int perAccount,
            @Value("${orderly.sign-in.concurrent-checks:0}") int concurrentChecks) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        // Default: half the cores, so that hashing guesses leaves the other half to everyone else.
        int checks = concurrentChecks > 0
                ? concurrentChecks
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new SignInThrottle(new SignInThrottle.Settings(freeFailures, firstDelay, maxDelay, perAccount, checks))
                .around(new ProviderManager(provider));
    }
}
