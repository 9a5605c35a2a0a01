package jp.kyodo.platform.tokens;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a bearer token's signature once per token instead of once per request. Asked before Quarkus' OIDC provider
 * (higher priority), it answers a token it has seen verified from {@link VerifiedTokens}; any other token goes to the
 * OIDC provider, which verifies it against the realm's keys as before, and is remembered when that succeeds. A token
 * that fails verification is never remembered, so it fails again on every request.
 * <p>
 * A remembered identity is handed out with the current request's routing context: OIDC stores the request it was
 * built for in the identity's attributes.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens<SecurityIdentity> verified;
    private final boolean enabled;

    @Inject
    CachedTokenIdentityProvider(OidcIdentityProvider oidc, TokenCacheConfig config) {
        this.oidc = oidc;
        this.enabled = config.enabled();
        this.verified = new VerifiedTokens<>(config.maxSize(), config.maxAge());
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Before the OIDC provider (default priority): the cache is asked first.
        return 2 * SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential bearer)) {
            return oidc.authenticate(request, context);
        }
        String token = bearer.getToken();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return verified.find(token)
                .map(identity -> Uni.createFrom().item(forThisRequest(identity, routing)))
                .orElseGet(() -> oidc.authenticate(request, context)
                        .invoke(identity -> remember(token, identity)));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            verified.remember(token, identity, jwt.getExpirationTime() - Instant.now().getEpochSecond());
        }
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext routing) {
        if (routing == null) {
            return identity;
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        OidcUtils.setRoutingContextAttribute(builder, routing);
        OidcUtils.setBlockingApiAttribute(builder, routing);
        return builder.build();
    }

    /** Whether the token has been verified and is remembered now (for tests and diagnosis). */
    public boolean remembers(String token) {
        return verified.find(token).isPresent();
    }
}
