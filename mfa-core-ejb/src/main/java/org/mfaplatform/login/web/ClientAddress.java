package org.mfaplatform.login.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mfaplatform.config.control.Settings;

/**
 * The address of the person behind a request, the one place that decides it for the audit trail,
 * the notices and the password throttle.
 *
 * <p>It is the connection's peer address, unless the peer is one of the reverse proxies listed in
 * {@link Settings#trustedProxies()}. Then it is the right-most address in {@code X-Forwarded-For}
 * that is not itself a listed proxy: each proxy appends the address it received the request from,
 * so entries right of that one were written by our proxies and entries left of it by whoever sent
 * the request, who can write anything there. A header from any other peer is ignored, as a client
 * could otherwise pick its own address and escape the throttle or forge the audit trail.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** The longest IPv6 text form with an embedded IPv4 address is 45 characters. */
    private static final int MAX_ADDRESS_LENGTH = 45;

    /** Hops read from the right; a longer chain than this is no deployment of ours. */
    private static final int MAX_HOPS = 20;

    /** One decimal part of an IPv4 address, 0 to 255, without leading zeros. */
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    /** Four decimal parts only: Java would also read "1.2.3" or "1" as an IPv4 address. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    /** Only hex digits, colons and dots: never a host name that would need a DNS lookup. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject Settings settings;

    private Set<String> trustedProxies = Set.of();

    @PostConstruct
    void load() {
        trustedProxies = trusted(settings.trustedProxies());
    }

    /** The client's address for this request, in canonical text form. */
    public String of(HttpServletRequest request) {
        return resolve(
                request.getRemoteAddr(),
                Collections.list(request.getHeaders(FORWARDED_FOR)),
                trustedProxies);
    }

    /**
     * @param peer the connection's peer address, as the container gives it
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     * @param trustedProxies canonical addresses of the proxies whose header is believed
     */
    static String resolve(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        String direct = canonical(peer).orElse(peer);
        if (!trustedProxies.contains(direct)) {
            return direct;
        }

        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop);
            }
        }
        String client = direct;
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<String> hop = canonical(hops.get(i));
            if (hop.isEmpty()) {
                // Our own proxies write addresses, so an unreadable entry is a client's: the
                // nearest address we can vouch for is the proxy that received it.
                return client;
            }
            if (!trustedProxies.contains(hop.get())) {
                return hop.get();
            }
            client = hop.get();
        }
        // Only proxies of ours in the chain, or no header: the request started at the last one.
        return client;
    }

    /** Canonical addresses of a configured list; a malformed entry is left out and logged. */
    static Set<String> trusted(Set<String> configured) {
        Set<String> trusted =
                configured.stream()
                        .map(ClientAddress::canonical)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toUnmodifiableSet());
        for (String entry : configured) {
            if (canonical(entry).isEmpty()) {
                LOG.log(
                        Level.WARNING,
                        "Ignored trusted proxy {0}: not an IP address (names and ranges are not"
                                + " supported)",
                        entry);
            }
        }
        return trusted;
    }

    /**
     * An IPv4 or IPv6 address literal in one text form (IPv6 as Java prints it, IPv4-mapped IPv6 as
     * IPv4), so that the same address always compares equal; empty for anything else, including
     * host names, ports and ranges.
     */
    static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH) {
            return Optional.empty();
        }
        if (!IPV4.matcher(address).matches() && !IPV6_CHARACTERS.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // A literal with a colon or four decimal parts is parsed, never looked up in DNS.
            return Optional.of(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
