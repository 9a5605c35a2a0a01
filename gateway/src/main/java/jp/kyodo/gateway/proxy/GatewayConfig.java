package jp.kyodo.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the five services live, how long the gateway waits for them, and the protections at the edge
 * (rate limits, circuit breakers, body size, security headers).
 * <p>
 * The upstream URL and the timeout of a route are separate keys
 * ({@code kyodo.gateway.upstream.proposals}, {@code kyodo.gateway.timeout.proposals}) because a
 * config key cannot be both a value and a group.
 */
@ConfigMapping(prefix = "kyodo.gateway")
public interface GatewayConfig {

    /** Base URLs (scheme, host, port; no path) of each service: one per replica, comma-separated. */
    Upstreams upstream();

    /** How long to wait for each service's response before answering 504. */
    Timeouts timeout();

    /** Connecting to a service that is down must fail fast (503), not hang. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Pooled HTTP/1.1 connections per service. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    /** Largest request body forwarded to a service; larger ones are answered 413 at the edge. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Largest body of an upload (a file attached to a record, a PDF to verify): the services' file cap plus room for
     * the multipart framing. Uploads are streamed to the service, never held here, and must declare their length.
     */
    @WithDefault("21M")
    MemorySize maxUploadSize();

    /** Which POST paths are uploads (a regular expression over the path). */
    @WithDefault("^/api/[a-z-]+/.+/attachments$|^/api/agreements/document-verifications$")
    String uploadPaths();

    RateLimit rateLimit();

    /** The writes admitted without a token: an explicit allow-list, with its own per-address quota and body limit. */
    AnonymousWrites anonymousWrites();

    CircuitBreaker circuitBreaker();

    /** How the replicas of a replicated service are checked. */
    HealthCheck healthCheck();

    /** The access log (lines written by {@code jp.kyodo.gateway.accesslog.AccessLog}). */
    AccessLog accessLog();

    SecurityHeaders securityHeaders();

    /** The gateway's own endpoints that combine several services' answers (the case dossier). */
    Aggregate aggregate();

    /**
     * Limits of one combined answer. Every service call has its own timeout and the whole answer a deadline, so a
     * slow service costs at most that long and then shows up as {@code unavailable}; the call budget and the
     * concurrency bound keep one request from flooding the services.
     */
    interface Aggregate {
        /** Longest wait for one service call; never longer than that service's route timeout. */
        @WithDefault("3s")
        Duration callTimeout();

        /** Time budget of the whole answer: a call that would start or still run after it counts as unavailable. */
        @WithDefault("8s")
        Duration deadline();

        /** Service calls one answer may make; parts beyond it are reported unavailable. */
        @WithDefault("150")
        int maxCalls();

        /** Service calls of one answer in flight at once; the rest wait their turn. */
        @WithDefault("8")
        int maxConcurrentCalls();

        /** Pages (of 100 items) read from one list; a longer list is reported as incomplete. */
        @WithDefault("5")
        int maxPages();

        /** Largest service response read; a larger one counts as a bad answer. */
        @WithDefault("4M")
        MemorySize maxResponseSize();
    }

    /** Token buckets per client; the two limits have their defaults in application.properties. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Callers with a verified token, one bucket per token {@code azp} + {@code sub}. */
        Limit authenticated();

        /** Callers without a token, one bucket per client IP address (IPv6: per /64). */
        Limit anonymous();

        /** Upper bound of buckets kept per kind; idle buckets expire once they would be full again anyway. */
        @WithDefault("100000")
        int maxClients();

        /**
         * Gateway replicas behind the same load balancer. Each enforces every limit divided by this number, so that
         * together they admit about the configured rate without asking one another (or a database) per request.
         */
        @WithDefault("1")
        int replicas();

        /**
         * Quotas of named clients, by the {@code azp} of their tokens (e.g. a city portal's server signed in with
         * client credentials): every token of such a client draws from the client's one bucket, instead of the
         * authenticated limit per token holder.
         */
        Map<String, Limit> clients();

        /**
         * Proxies in front of the gateway (an ingress, a CDN), as IP addresses or CIDR blocks: only for a request from
         * one of them are {@code Forwarded} and {@code X-Forwarded-For} read to find the caller's address. Without
         * them the peer's address is the caller's.
         */
        Optional<List<String>> trustedProxies();

        interface Limit {
            /** Burst: requests a client may send at once. */
            long capacity();

            /** Requests given back per {@link #refillPeriod()}, spread evenly over it. */
            long refillTokens();

            Duration refillPeriod();
        }
    }

    /**
     * Writes without a token are refused at the edge, except the routes listed here (e.g. a public comment where the
     * city takes comments without an account). Each listed write still counts against the anonymous rate limit, and
     * in addition against a quota of its own per client address, and its body must declare a length within its limit.
     */
    interface AnonymousWrites {
        /**
         * {@code METHOD /path} patterns, {@code *} standing for one path segment, e.g.
         * {@code POST /api/proposals/public-comments/*}{@code /comments}. Empty: none.
         */
        Optional<List<String>> routes();

        /** Per client address (IPv6: per /64), over all the listed routes together. */
        RateLimit.Limit rateLimit();

        /** Largest body of such a write (a comment of 8,000 Japanese characters is about 24 KiB). */
        @WithDefault("32K")
        MemorySize maxBodySize();
    }

    /** One breaker per service: stop calling a service that keeps failing to connect or answer in time. */
    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        /** Consecutive connection failures or timeouts (within {@link #failureWindow()}) that open it. */
        @WithDefault("5")
        int failureThreshold();

        /** Failures older than this are forgotten (whole seconds). */
        @WithDefault("60s")
        Duration failureWindow();

        /** How long an open breaker answers 503 before letting one trial request through. */
        @WithDefault("10s")
        Duration coolDown();
    }

    interface SecurityHeaders {
        /** Sent on every response; browsers ignore it on plain HTTP (RFC 6797 8.1). */
        @WithDefault("true")
        boolean hstsEnabled();

        @WithDefault("max-age=31536000")
        String strictTransportSecurity();

        /** For the API and every other response except Swagger UI. */
        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        /**
         * For documents (text/html and application/pdf answers: the 協定書, the programme report with its inline SVG charts): inline styles and embedded
         * fonts and images render, nothing runs, nothing is fetched.
         */
        @WithDefault("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:;"
                + " object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
        String documentContentSecurityPolicy();

        /** Swagger UI's page has inline scripts and styles and data: images. */
        @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
                + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String swaggerUiContentSecurityPolicy();
    }

    interface Upstreams {
        @WithDefault("http://127.0.0.1:8081")
        List<URI> directory();

        @WithDefault("http://127.0.0.1:8082")
        List<URI> proposals();

        @WithDefault("http://127.0.0.1:8083")
        List<URI> agreements();

        @WithDefault("http://127.0.0.1:8084")
        List<URI> evaluations();

        @WithDefault("http://127.0.0.1:8085")
        List<URI> notifications();
    }

    interface HealthCheck {
        /** How often each replica's readiness is asked. */
        @WithDefault("2s")
        Duration interval();

        /** A replica that has not answered in this time counts as down. */
        @WithDefault("1s")
        Duration timeout();
    }

    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** The log file; rotated files sit beside it ({@code access.log.1} the newest). */
        @WithDefault("access.log")
        String file();

        /** The file rotates when it reaches this size. */
        @WithDefault("20M")
        MemorySize maxFileSize();

        /** Rotated files kept; the oldest is deleted. */
        @WithDefault("5")
        int maxBackups();

        /** Lines waiting to be written; beyond that, new lines are dropped rather than the request thread held. */
        @WithDefault("4096")
        int queueLength();

        /** Refusals (429) of one client after its first are counted and logged as one line per interval. */
        @WithDefault("60s")
        Duration refusalSummaryInterval();

        /** Clients whose refusals are counted by name per interval; the rest are counted together. */
        @WithDefault("1000")
        int maxSummarisedClients();
    }

    interface Timeouts {
        @WithDefault("10s")
        Duration directory();

        @WithDefault("10s")
        Duration proposals();

        @WithDefault("10s")
        Duration agreements();

        @WithDefault("10s")
        Duration evaluations();

        @WithDefault("10s")
        Duration notifications();
    }
}
