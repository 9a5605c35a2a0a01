package jp.kyodo.gateway.ratelimit;

import java.time.Duration;
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
 * A token bucket per client (see {@link ClientKey}); a request that finds its bucket empty is answered
 * 429 with {@code Retry-After} before anything is forwarded. Buckets live in memory, one set per gateway
 * instance, in caches bounded in size whose entries expire once idle long enough to be full again, so
 * forgetting one changes nothing.
 */
public final class RateLimiter implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final Buckets authenticated;
    private final Buckets anonymous;

    public RateLimiter(GatewayConfig.RateLimit config) {
        this.authenticated = new Buckets(config.authenticated(), config.maxClients());
        this.anonymous = new Buckets(config.anonymous(), config.maxClients());
    }

    /** The bucket key of the request's client address (IPv6: its /64), as anonymous callers are counted. */
    public static String addressKey(RoutingContext ctx) {
        return ClientKey.ofAddress(ctx.request().remoteAddress()).value();
    }

    @Override
    public void handle(RoutingContext ctx) {
        ClientKey client = ClientKey.of(ctx);
        ConsumptionProbe probe = (client.authenticated() ? authenticated : anonymous).bucketOf(client.value())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = retryAfterSeconds(probe.getNanosToWaitForRefill());
        LOG.debugf("Rate limit reached for %s client %s; retry after %d s",
                client.authenticated() ? "authenticated" : "anonymous", client.value(), retryAfter);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemResponder.send(ctx, GatewayProblem.TOO_MANY_REQUESTS);
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long finds a token. */
    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** The buckets of one kind of client, all with the same limit. */
    public static final class Buckets {

        private final Bandwidth limit;
        private final Cache<String, Bucket> buckets;

        public Buckets(GatewayConfig.RateLimit.Limit config, int maxClients) {
            if (config.capacity() < 1 || config.refillTokens() < 1 || config.refillPeriod().isZero()
                    || config.refillPeriod().isNegative()) {
                throw new IllegalArgumentException("kyodo.gateway.rate-limit: capacity, refill-tokens and refill-period"
                        + " must be positive");
            }
            this.limit = Bandwidth.builder()
                    .capacity(config.capacity())
                    .refillGreedy(config.refillTokens(), config.refillPeriod())
                    .build();
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(timeToFill(config))
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

        /** An idle bucket is full again after this long, so dropping it then loses nothing. */
        private static Duration timeToFill(GatewayConfig.RateLimit.Limit config) {
            long periods = (config.capacity() + config.refillTokens() - 1) / config.refillTokens();
            return config.refillPeriod().multipliedBy(periods);
        }
    }
}
