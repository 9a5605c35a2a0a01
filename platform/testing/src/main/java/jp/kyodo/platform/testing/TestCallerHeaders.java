package jp.kyodo.platform.testing;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Component tests play several people in one story (a partner drafts, staff open consultation, reviewers score),
 * which {@code @TestSecurity} cannot: this mechanism reads a verified token's stand-in from two headers,
 * {@value #SUBJECT} (the {@code sub}) and {@value #ROLES} (realm roles, comma-separated). It exists only on test
 * classpaths; the services themselves know nothing but OIDC bearer tokens, and system tests use real Keycloak tokens.
 */
@ApplicationScoped
public class TestCallerHeaders implements HttpAuthenticationMechanism {

    public static final String SUBJECT = "X-Test-Subject";
    public static final String ROLES = "X-Test-Roles";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String subject = context.request().getHeader(SUBJECT);
        if (subject == null) {
            return Uni.createFrom().optional(Optional.empty());
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(subject));
        String roles = context.request().getHeader(ROLES);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(String::trim).forEach(identity::addRole);
        }
        return Uni.createFrom().item(identity.build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
