package jp.kyodo.platform.security;

import java.util.Arrays;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Who is calling: the token's subject ({@code sub}; personal data, since Keycloak knows who it is) and realm roles.
 * Relations (membership of an organisation) are each service's business; this only answers what the token says.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The subject; 401 for an anonymous caller. */
    public String subject() {
        if (identity.isAnonymous()) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    LocalizedText.of("Sign in: a valid bearer token is required.", "ログインしてください（有効なトークンが必要です）。"));
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** 401 when anonymous, 403 unless the caller has one of the roles. */
    public void requireAnyRole(String... roles) {
        subject();
        if (!hasAnyRole(roles)) {
            throw ProblemException.forbidden("This needs one of the roles " + String.join(", ", roles) + ".",
                    "この操作には次のいずれかのロールが必要です: " + String.join(", ", roles));
        }
    }
}
