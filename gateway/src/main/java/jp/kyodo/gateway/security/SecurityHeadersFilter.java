package jp.kyodo.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.proxy.GatewayConfig;

/**
 * Puts the browser hardening headers on every response the gateway sends - proxied, its own problems,
 * Quarkus' own answers - just before the headers go out, replacing whatever a service sent for them.
 * The API gets a Content-Security-Policy that allows nothing; Swagger UI gets one it can run under; documents
 * (HTML and PDF answers, such as the 協定書) one that lets their inline styles and embedded fonts render while
 * nothing runs.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    /** Runs first of the gateway's filters, so nothing answers before it has hooked in. */
    static final int PRIORITY = SecurityHandlerPriorities.CORS + 200;

    static final String SWAGGER_UI_PATH = "/q/swagger-ui";

    @Inject
    GatewayConfig config;

    void register(@Observes Filters filters) {
        GatewayConfig.SecurityHeaders headers = config.securityHeaders();
        String hsts = headers.hstsEnabled() ? headers.strictTransportSecurity() : null;
        String apiPolicy = headers.contentSecurityPolicy();
        String swaggerUiPolicy = headers.swaggerUiContentSecurityPolicy();
        String documentPolicy = headers.documentContentSecurityPolicy();
        filters.register(ctx -> {
            boolean swaggerUi = isSwaggerUi(ctx);
            ctx.addHeadersEndHandler(v -> {
                MultiMap out = ctx.response().headers();
                out.set("X-Content-Type-Options", "nosniff");
                boolean document = !swaggerUi && isDocument(out.get("Content-Type"));
                out.set("X-Frame-Options", document ? "SAMEORIGIN" : "DENY");
                out.set("Referrer-Policy", "no-referrer");
                out.set("Content-Security-Policy", swaggerUi ? swaggerUiPolicy : document ? documentPolicy : apiPolicy);
                if (hsts != null) {
                    out.set("Strict-Transport-Security", hsts);
                } else {
                    out.remove("Strict-Transport-Security");
                }
            });
            ctx.next();
        }, PRIORITY);
    }

    /** An HTML or PDF answer of the API: a document to read (the agreement document, a report). */
    static boolean isDocument(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/pdf");
    }

    private static boolean isSwaggerUi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path != null && path.equals(SWAGGER_UI_PATH) || path.startsWith(SWAGGER_UI_PATH + "/");
    }
}
