package org.conclave.platform.control;

import java.util.List;
import java.util.Set;

/**
 * Who is really on the other end of a request that came through the reverse proxy. The proxy appends the address
 * it saw to {@code X-Forwarded-For}; only the addresses of proxies configured as trusted
 * ({@code conclave.trusted-proxies}) are skipped, reading from the right, so a client cannot choose its own
 * address by sending the header itself. Without trusted proxies the header is ignored.
 */
public final class ForwardedClient {

    private final Set<String> trustedProxies;

    public ForwardedClient(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Parses a comma-separated list of addresses, as configured. */
    public static ForwardedClient trusting(String commaSeparated) {
        return new ForwardedClient(
                commaSeparated == null || commaSeparated.isBlank()
                        ? Set.of()
                        : Set.copyOf(List.of(commaSeparated.trim().split("\\s*,\\s*"))));
    }

    /** The client's address: the peer's, unless the peer is a trusted proxy that forwarded for someone else. */
    public String address(String peer, String forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!plausibleAddress(hop)) {
                return client;
            }
            client = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** IPv4 or IPv6 literal characters only, of a sane length: anything else is not an address to record. */
    private static boolean plausibleAddress(String hop) {
        return !hop.isEmpty()
                && hop.length() <= 45
                && hop.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
