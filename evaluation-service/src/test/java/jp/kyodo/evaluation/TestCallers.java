package jp.kyodo.evaluation;

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
 * Test-only authentication: an evaluation involves several people in one story (a partner and a department submit,
 * staff publish, a reviewer assesses), which one {@code @TestSecurity} per method cannot play. The headers stand
 * for a verified token: {@code X-Test-Subject} is its {@code sub}, {@code X-Test-Roles} its realm roles.
 */
@ApplicationScoped
public class TestCallers implements HttpAuthenticationMechanism {

    public static final String SUBJECT_HEADER = "X-Test-Subject";
    public static final String ROLES_HEADER = "X-Test-Roles";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String subject = context.request().getHeader(SUBJECT_HEADER);
        if (subject == null || subject.isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(subject));
        String roles = context.request().getHeader(ROLES_HEADER);
        if (roles != null) {
            for (String role : roles.split(",")) {
                if (!role.isBlank()) {
                    identity.addRole(role.strip());
                }
            }
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
