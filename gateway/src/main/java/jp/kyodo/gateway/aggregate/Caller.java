package jp.kyodo.gateway.aggregate;

import java.util.Arrays;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.Language;
import jp.kyodo.gateway.api.RequestId;

/**
 * Who asks for a combined answer, as the services will see them: the verified bearer token is passed on unchanged
 * (so each service authorises by itself), or nothing for an anonymous caller.
 *
 * @param authorization  the caller's {@code Authorization} header when it carried a verified token, else null
 * @param subject        the token's {@code sub} (what the services call the subject), null when anonymous
 * @param roles          realm roles of the token
 * @param requestId      the request id settled at the edge, sent on to every service call
 * @param acceptLanguage the caller's {@code Accept-Language}, sent on so services answer in the same language
 * @param language       the language of the gateway's own texts
 */
public record Caller(String authorization, String subject, Set<String> roles, String requestId, String acceptLanguage,
        Language language) {

    public static final String CITY_STAFF = "city-staff";
    public static final String COORDINATOR = "coordinator";
    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String PARTNER = "partner";
    public static final String CITIZEN = "citizen";

    public static Caller of(RoutingContext ctx) {
        String acceptLanguage = ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        String requestId = ctx.request().getHeader(RequestId.HEADER);
        Language language = Language.preferredBy(acceptLanguage);
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            // Proactive authentication verified the token before any route ran; pass on exactly what was verified.
            SecurityIdentity identity = user.getSecurityIdentity();
            return new Caller(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), subjectOf(identity),
                    Set.copyOf(identity.getRoles()), requestId, acceptLanguage, language);
        }
        return new Caller(null, null, Set.of(), requestId, acceptLanguage, language);
    }

    /** The services take the person from the token's {@code sub} (quarkus.oidc.token.principal-claim=sub). */
    static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /**
     * Staff, coordinators and administrators: the directory and the proposal and agreement lists show them the
     * whole city rather than their own organisations, so their memberships must be looked up one by one.
     */
    public boolean readsWholeCity() {
        return hasAnyRole(CITY_STAFF, COORDINATOR, ADMIN);
    }
}
