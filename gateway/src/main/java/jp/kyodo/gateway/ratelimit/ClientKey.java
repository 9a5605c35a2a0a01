package jp.kyodo.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Who a request counts against.
 * <ul>
 * <li>{@link Kind#CLIENT}: a token of a client with its own quota in the configuration (a city portal's server,
 * signed in with client credentials): the whole client shares one bucket, whoever it acts for.</li>
 * <li>{@link Kind#TOKEN_HOLDER}: any other verified token: its client ({@code azp}) acting for its subject
 * ({@code sub}).</li>
 * <li>{@link Kind#ADDRESS}: no token: the caller's address ({@link TrustedProxies}), IPv6 by its /64.</li>
 * </ul>
 * The token is read from the security identity Quarkus built after verifying it, never from the raw header, so a
 * forged token cannot choose someone else's bucket (it never gets this far).
 *
 * @param kind  which limit applies
 * @param value the bucket key
 */
public record ClientKey(Kind kind, String value) {

    public enum Kind {
        CLIENT, TOKEN_HOLDER, ADDRESS
    }

    static ClientKey of(RoutingContext ctx, TrustedProxies proxies, Set<String> clientsWithQuota) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return ofIdentity(user.getSecurityIdentity(), clientsWithQuota);
        }
        return ofAddress(proxies.callerOf(ctx.request()));
    }

    static ClientKey ofIdentity(SecurityIdentity identity, Set<String> clientsWithQuota) {
        String azp = "";
        String sub = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("azp");
            azp = claim == null ? "" : claim.toString();
            if (jwt.getSubject() != null) {
                sub = jwt.getSubject();
            }
        }
        if (clientsWithQuota.contains(azp)) {
            return new ClientKey(Kind.CLIENT, azp);
        }
        // Length-prefixed, so no (azp, sub) pair can spell another's key.
        return new ClientKey(Kind.TOKEN_HOLDER, azp.length() + ":" + azp + "/" + sub);
    }

    static ClientKey ofAddress(String address) {
        return new ClientKey(Kind.ADDRESS, address == null ? "unknown" : network(address));
    }

    /** How the access log names the client. */
    @Override
    public String toString() {
        return switch (kind) {
            case CLIENT -> "client " + value;
            case TOKEN_HOLDER -> "token " + value;
            case ADDRESS -> "address " + value;
        };
    }

    /**
     * IPv4 addresses as they are; IPv6 addresses by their /64 network, since one subscriber usually holds
     * a whole /64 and could otherwise take a fresh bucket per address.
     */
    static String network(String literal) {
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // A literal address: no name lookup happens.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
