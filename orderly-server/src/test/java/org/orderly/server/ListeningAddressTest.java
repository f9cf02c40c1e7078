package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The server listens on loopback unless TLS or a proxy is configured, or an address is set on purpose. */
class ListeningAddressTest {

    @Test
    void plainHttpWithNoProxyListensOnLoopbackOnly() {
        assertThat(ListeningAddress.defaultAddress(new MockEnvironment())).hasValue(InetAddress.getLoopbackAddress());
        assertThat(ListeningAddress.defaultAddress(new MockEnvironment().withProperty("server.ssl.enabled", "true")))
                .as("TLS switched on without a key is no TLS")
                .hasValue(InetAddress.getLoopbackAddress());
        assertThat(ListeningAddress.defaultAddress(
                        new MockEnvironment().withProperty("server.forward-headers-strategy", "none")))
                .hasValue(InetAddress.getLoopbackAddress());
        assertThat(ListeningAddress.defaultAddress(new MockEnvironment()
                        .withProperty("server.ssl.bundle", "web")
                        .withProperty("server.ssl.enabled", "false")))
                .hasValue(InetAddress.getLoopbackAddress());
    }

    @Test
    void tlsAProxyOrAnAddressSetOnPurposeDecideForThemselves() {
        assertThat(ListeningAddress.defaultAddress(new MockEnvironment().withProperty("server.ssl.bundle", "web")))
                .isEmpty();
        assertThat(ListeningAddress.defaultAddress(
                        new MockEnvironment().withProperty("server.ssl.key-store", "file:/etc/orderly.p12")))
                .isEmpty();
        assertThat(ListeningAddress.defaultAddress(
                        new MockEnvironment().withProperty("server.forward-headers-strategy", "NATIVE")))
                .isEmpty();
        assertThat(ListeningAddress.defaultAddress(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .isEmpty();
    }
}
