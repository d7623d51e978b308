package org.mfaplatform.login.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private static final String PROXY = "10.0.0.5";
    private static final String OTHER_PROXY = "10.0.0.6";
    private static final Set<String> PROXIES = Set.of(PROXY, OTHER_PROXY);

    @Test
    void usesPeerAddressWhenNoProxyIsTrusted() {
        String address = ClientAddress.resolve("198.51.100.7", List.of("203.0.113.9"), Set.of());

        assertEquals("198.51.100.7", address, "a client cannot name its own address");
    }

    @Test
    void ignoresForwardedHeaderFromUntrustedPeer() {
        String address = ClientAddress.resolve("198.51.100.7", List.of("203.0.113.9"), PROXIES);

        assertEquals("198.51.100.7", address);
    }

    @Test
    void believesAddressForwardedByTrustedProxy() {
        String address = ClientAddress.resolve(PROXY, List.of("203.0.113.9"), PROXIES);

        assertEquals("203.0.113.9", address);
    }

    @Test
    void takesRightMostAddressThatIsNoProxyOfOurs() {
        String address =
                ClientAddress.resolve(
                        PROXY, List.of("192.0.2.66, 203.0.113.9, " + OTHER_PROXY), PROXIES);

        assertEquals(
                "203.0.113.9",
                address,
                "192.0.2.66 was written by the client, 203.0.113.9 by our outer proxy");
    }

    @Test
    void readsSeveralHeadersInOrder() {
        String address =
                ClientAddress.resolve(
                        PROXY, List.of("192.0.2.66", "203.0.113.9", OTHER_PROXY), PROXIES);

        assertEquals("203.0.113.9", address);
    }

    @Test
    void usesPeerWhenTrustedProxySendsNoHeader() {
        assertEquals(PROXY, ClientAddress.resolve(PROXY, List.of(), PROXIES));
    }

    @Test
    void usesLeftMostWhenEveryHopIsTrustedProxy() {
        String address = ClientAddress.resolve(PROXY, List.of(OTHER_PROXY), PROXIES);

        assertEquals(OTHER_PROXY, address, "the request started at our own proxy");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "unknown",
                "evil.example.com",
                "203.0.113.9:443",
                "256.1.1.1",
                "1.2.3",
                "01.2.3.4",
                "203.0.113.9 extra",
                "::ffff:zz",
                "fe80::1%eth0",
                "<script>",
                "203.0.113.9\u0000"
            })
    void fallsBackToProxyWhenRightMostUntrustedEntryIsMalformed(String malformed) {
        String address =
                ClientAddress.resolve(PROXY, List.of("203.0.113.9, " + malformed), PROXIES);

        assertEquals(PROXY, address, "never an address left of an unreadable entry");
    }

    @Test
    void ignoresOverlongHeaderBeyondLastHops() {
        String chain = "203.0.113.9, ".repeat(500) + OTHER_PROXY;

        assertEquals("203.0.113.9", ClientAddress.resolve(PROXY, List.of(chain), PROXIES));
    }

    @Test
    void comparesIpv6AddressesInCanonicalForm() {
        Set<String> trusted = ClientAddress.trusted(Set.of("::1", "2001:DB8::5"));

        assertEquals(
                "2001:db8:0:0:0:0:0:9",
                ClientAddress.resolve("0:0:0:0:0:0:0:1", List.of("[2001:db8::9]"), trusted));
        assertEquals(
                "203.0.113.9",
                ClientAddress.resolve("2001:db8:0:0:0:0:0:5", List.of("203.0.113.9"), trusted));
    }

    @Test
    void leavesMalformedConfiguredProxiesOut() {
        Set<String> trusted = ClientAddress.trusted(Set.of("10.0.0.5", "proxy.internal", "10/8"));

        assertEquals(Set.of("10.0.0.5"), trusted);
    }

    @Test
    void canonicalFormOfIpv4MappedIpv6IsIpv4() {
        assertEquals(Optional.of("192.0.2.1"), ClientAddress.canonical("::ffff:192.0.2.1"));
    }
}
