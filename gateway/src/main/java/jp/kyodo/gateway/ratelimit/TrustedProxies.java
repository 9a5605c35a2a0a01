package jp.kyodo.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Which address a request comes from when the gateway stands behind proxies (an ingress, a CDN). The peer's address
 * is the caller's unless the peer is one of the configured trusted proxies; then the proxies' own record is read:
 * {@code Forwarded} (RFC 7239) or, without it, {@code X-Forwarded-For}, from the right, skipping every trusted hop.
 * The first untrusted address is the caller: each trusted proxy appended the address it saw, so that one was written
 * by a proxy we trust. Whatever a caller put further left is never believed, and the headers of a peer that is not a
 * trusted proxy are ignored altogether.
 */
final class TrustedProxies {

    private record Network(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** CIDR blocks such as {@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a block of one. */
    static TrustedProxies of(List<String> cidrs) {
        List<Network> networks = new ArrayList<>();
        for (String cidr : cidrs) {
            String value = cidr.trim();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("kyodo.gateway.rate-limit.trusted-proxies: not an IP address or"
                        + " CIDR block: " + cidr);
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("kyodo.gateway.rate-limit.trusted-proxies: bad prefix length in "
                            + cidr);
                }
            }
            networks.add(new Network(address, bits));
        }
        return new TrustedProxies(networks);
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && networks.stream().anyMatch(n -> n.contains(bytes));
    }

    /** The caller's address as this request shows it; {@code unknown} when there is none. */
    String callerOf(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String peerAddress = peer == null ? null : peer.hostAddress();
        if (peerAddress == null) {
            return "unknown";
        }
        if (networks.isEmpty() || !isTrusted(peerAddress)) {
            return peerAddress;
        }
        List<String> forwarded = request.headers().getAll("Forwarded");
        List<String> chain = forwarded.isEmpty()
                ? forwardedFor(request.headers().getAll("X-Forwarded-For"))
                : forwardedElements(forwarded);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        // Trusted all the way (or no record at all): the leftmost trusted hop is the closest thing to a caller.
        return chain.isEmpty() ? peerAddress : chain.get(0);
    }

    /** The {@code for} values of RFC 7239 elements, in order; brackets, quotes and ports removed. */
    static List<String> forwardedElements(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && "for".equals(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT))) {
                        hops.add(node(pair.substring(eq + 1).trim()));
                    }
                }
            }
        }
        return hops;
    }

    static List<String> forwardedFor(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    hops.add(node(value.trim()));
                }
            }
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String node(String value) {
        String v = value;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            return close > 0 ? v.substring(1, close) : v;
        }
        int colon = v.indexOf(':');
        if (colon > 0 && v.indexOf(':', colon + 1) < 0) {
            return v.substring(0, colon);
        }
        return v;
    }

    /** The bytes of an IP address literal, or null (never a name lookup). */
    static byte[] literal(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.indexOf(':') < 0) {
            return ipv4(value);
        }
        if (!value.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            // A string with a colon is only ever parsed as an IPv6 literal, never looked up.
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }
}
