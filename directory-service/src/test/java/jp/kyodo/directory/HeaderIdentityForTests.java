package jp.kyodo.directory;

import java.util.Arrays;
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
 * Test-only stand-in for the token check: {@code X-Test-Subject} and {@code X-Test-Roles} give the caller's subject
 * and realm roles, so one test can act as several people in turn (staff registers, partner1 edits, partner2 is
 * refused), which {@code @TestSecurity} cannot.
 */
@ApplicationScoped
public class HeaderIdentityForTests implements HttpAuthenticationMechanism {

    public static final String SUBJECT = "X-Test-Subject";
    public static final String ROLES = "X-Test-Roles";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String subject = context.request().getHeader(SUBJECT);
        if (subject == null || subject.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String roles = context.request().getHeader(ROLES);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(subject));
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
