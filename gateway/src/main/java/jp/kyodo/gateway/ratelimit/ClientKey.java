package jp.kyodo.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who a request counts against. A caller with a verified token is the token's client ({@code azp})
 * acting for its subject ({@code sub}); a caller without one is its IP address. The token is read from
 * the security identity Quarkus built after verifying it, never from the raw header, so a forged token
 * cannot choose someone else's bucket (it never gets this far).
 *
 * @param authenticated whether the key names a token holder
 * @param value         the bucket key
 */
record ClientKey(boolean authenticated, String value) {

    static ClientKey of(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return ofIdentity(user.getSecurityIdentity());
        }
        return ofAddress(ctx.request().remoteAddress());
    }

    static ClientKey ofIdentity(SecurityIdentity identity) {
        String azp = "";
        String sub = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim("azp");
            azp = claim == null ? "" : claim.toString();
            if (jwt.getSubject() != null) {
                sub = jwt.getSubject();
            }
        }
        // Length-prefixed, so no (azp, sub) pair can spell another's key.
        return new ClientKey(true, azp.length() + ":" + azp + "/" + sub);
    }

    static ClientKey ofAddress(SocketAddress address) {
        String host = address == null ? null : address.hostAddress();
        return new ClientKey(false, host == null ? "unknown" : network(host));
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
                return literal;
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
