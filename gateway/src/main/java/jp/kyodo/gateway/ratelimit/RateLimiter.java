package jp.kyodo.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;
import jp.kyodo.gateway.proxy.GatewayConfig;

/**
 * A token bucket per client (see {@link ClientKey}); a request that finds its bucket empty is answered 429 with
 * {@code Retry-After} before anything is forwarded. Clients named in the configuration have their own quota; other
 * token holders share the authenticated limit's size (a bucket each), anonymous callers the anonymous one (a bucket
 * per address).
 * <p>
 * Buckets live in memory, one set per gateway replica, so that no request waits for a database. With
 * {@code replicas} gateways behind one load balancer each enforces the configured capacity and refill divided by
 * that number: together they admit about the configured rate, whichever replica a request reaches. Buckets are kept
 * in caches bounded in size whose entries expire once idle long enough to be full again, so forgetting one changes
 * nothing.
 */
public final class RateLimiter implements Handler<RoutingContext> {

    /** The {@link ClientKey} a request counted against, for the access log. */
    public static final String CLIENT = "kyodo.rate-limit.client";

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final Buckets tokenHolders;
    private final Buckets anonymous;
    private final Map<String, Buckets> clients = new TreeMap<>();
    private final TrustedProxies proxies;

    public RateLimiter(GatewayConfig.RateLimit config) {
        int replicas = config.replicas();
        if (replicas < 1) {
            throw new IllegalArgumentException("kyodo.gateway.rate-limit.replicas must be at least 1");
        }
        this.tokenHolders = new Buckets(config.authenticated(), replicas, config.maxClients());
        this.anonymous = new Buckets(config.anonymous(), replicas, config.maxClients());
        // One bucket per named client: a handful, whatever the load.
        config.clients().forEach((client, limit) -> clients.put(client, new Buckets(limit, replicas, 1)));
        this.proxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
    }

    /**
     * The bucket key of the request's caller address (IPv6: its /64), as anonymous callers are counted: the address
     * this gateway's rate limit settled on (trusted proxies considered) when it ran first, else the peer's.
     */
    public static String addressKey(RoutingContext ctx) {
        ClientKey counted = ctx.get(CLIENT);
        if (counted != null && counted.kind() == ClientKey.Kind.ADDRESS) {
            return counted.value();
        }
        var peer = ctx.request().remoteAddress();
        return ClientKey.ofAddress(peer == null ? null : peer.hostAddress()).value();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ClientKey client = ClientKey.of(ctx, proxies, clients.keySet());
        ctx.put(CLIENT, client);
        Buckets buckets = switch (client.kind()) {
            case CLIENT -> clients.get(client.value());
            case TOKEN_HOLDER -> tokenHolders;
            case ADDRESS -> anonymous;
        };
        ConsumptionProbe probe = buckets.bucketOf(client.value()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = retryAfterSeconds(probe.getNanosToWaitForRefill());
        LOG.debugf("Rate limit reached for %s; retry after %d s", client, retryAfter);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponder.send(ctx, GatewayProblem.TOO_MANY_REQUESTS);
    }

    /** A fresh bucket of one replica's share of the limit. */
    static Bucket bucketFor(GatewayConfig.RateLimit.Limit limit, int replicas) {
        return Bucket.builder().addLimit(Buckets.share(limit, replicas)).build();
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long finds a token. */
    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** The buckets of one limit: this replica's share of it. */
    public static final class Buckets {

        private final Bandwidth limit;
        private final Cache<String, Bucket> buckets;

        public Buckets(GatewayConfig.RateLimit.Limit config, int replicas, int maxClients) {
            if (config.capacity() < 1 || config.refillTokens() < 1 || config.refillPeriod().isZero()
                    || config.refillPeriod().isNegative()) {
                throw new IllegalArgumentException("kyodo.gateway.rate-limit: capacity, refill-tokens and refill-period"
                        + " must be positive");
            }
            this.limit = share(config, replicas);
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(timeToFill(config, replicas))
                    // Housekeeping on the calling thread: no background pool needed for this.
                    .executor(Runnable::run)
                    .build();
        }

        Bucket bucketOf(String key) {
            return buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
        }

        /** Takes a token of the key's bucket: null when taken, else the seconds to wait (for Retry-After). */
        public Long tryTake(String key) {
            ConsumptionProbe probe = bucketOf(key).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? null : retryAfterSeconds(probe.getNanosToWaitForRefill());
        }

        /** The refill tokens spread over replicas times the period: exactly one replica's share of the rate. */
        static Bandwidth share(GatewayConfig.RateLimit.Limit config, int replicas) {
            return Bandwidth.builder()
                    .capacity(Math.max(1, (config.capacity() + replicas - 1) / replicas))
                    .refillGreedy(config.refillTokens(), config.refillPeriod().multipliedBy(replicas))
                    .build();
        }

        /** An idle bucket is full again after this long, so dropping it then loses nothing. */
        private static Duration timeToFill(GatewayConfig.RateLimit.Limit config, int replicas) {
            long periods = (config.capacity() + config.refillTokens() - 1) / config.refillTokens();
            return config.refillPeriod().multipliedBy(periods * replicas);
        }
    }
}
