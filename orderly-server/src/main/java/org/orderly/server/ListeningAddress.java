package org.orderly.server;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the server listens when {@code server.address} is not set: on loopback only, unless TLS ({@code server.ssl.*})
 * or a reverse proxy ({@code server.forward-headers-strategy}) is configured. Plain HTTP on every interface would send
 * passwords, session cookies and personal data readable by anyone on the network; to open the server, configure TLS or
 * a proxy, or set {@code server.address} (e.g. {@code 0.0.0.0}) on purpose.
 */
@Component
class ListeningAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(ListeningAddress.class);

    private final Environment environment;

    ListeningAddress(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        defaultAddress(environment).ifPresent(loopback -> {
            factory.setAddress(loopback);
            log.info(
                    "Listening on {} only (plain HTTP, no proxy configured). To serve other machines, configure TLS "
                            + "(server.ssl.*) or a reverse proxy (server.forward-headers-strategy=native), or set server.address.",
                    loopback.getHostAddress());
        });
    }

    /** Loopback, when nothing says the server may listen elsewhere; empty when it may (or an address is set). */
    static Optional<InetAddress> defaultAddress(Environment environment) {
        if (hasText(environment.getProperty("server.address"))) return Optional.empty();
        boolean tls = !"false"
                        .equalsIgnoreCase(environment
                                .getProperty("server.ssl.enabled", "true")
                                .trim())
                && (hasText(environment.getProperty("server.ssl.bundle"))
                        || hasText(environment.getProperty("server.ssl.key-store"))
                        || hasText(environment.getProperty("server.ssl.certificate")));
        String forwarded = environment
                .getProperty("server.forward-headers-strategy", "none")
                .trim()
                .toLowerCase(Locale.ROOT);
        boolean proxy = forwarded.equals("native") || forwarded.equals("framework");
        return tls || proxy ? Optional.empty() : Optional.of(InetAddress.getLoopbackAddress());
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        // After Spring Boot's own customizer, which applies server.* properties.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
