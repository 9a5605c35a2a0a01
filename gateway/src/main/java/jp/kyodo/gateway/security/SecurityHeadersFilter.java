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
 * The API gets a Content-Security-Policy that allows nothing; Swagger UI gets one it can run under, and an HTML
 * document under /api one that lets it render (inline styles and SVG, no script).
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
                out.set("X-Frame-Options", "DENY");
                out.set("Referrer-Policy", "no-referrer");
                out.set("Content-Security-Policy", swaggerUi ? swaggerUiPolicy
                        : isHtmlDocument(ctx, out) ? documentPolicy : apiPolicy);
                if (hsts != null) {
                    out.set("Strict-Transport-Security", hsts);
                } else {
                    out.remove("Strict-Transport-Security");
                }
            });
            ctx.next();
        }, PRIORITY);
    }

    /** An HTML document a service serves under /api (e.g. the programme report). */
    private static boolean isHtmlDocument(RoutingContext ctx, MultiMap headers) {
        String path = ctx.normalizedPath();
        return path != null && path.startsWith("/api/") && headers.getAll("Content-Type").stream()
                .anyMatch(type -> type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html"));
    }

    private static boolean isSwaggerUi(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path != null && path.equals(SWAGGER_UI_PATH) || path.startsWith(SWAGGER_UI_PATH + "/");
    }
}
