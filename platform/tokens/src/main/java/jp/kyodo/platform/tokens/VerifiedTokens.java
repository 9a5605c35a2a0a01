package jp.kyodo.platform.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Identities of bearer tokens whose signature and claims were checked, keyed by the SHA-256 of the token (the token
 * itself is no key: a heap dump of the keys gives nobody a usable token). Bounded in size; each entry lives until its
 * token expires or {@code maxAge} has passed, whichever comes first, so a cached identity is never one the provider
 * would refuse for its age.
 *
 * @param <I> what is remembered per token (the verified identity)
 */
public final class VerifiedTokens<I> {

    private record Verified<I>(I identity, long expiresAtNanos) {
    }

    private final Cache<String, Verified<I>> cache;
    private final Ticker ticker;
    private final long maxAgeNanos;

    public VerifiedTokens(int maxSize, Duration maxAge) {
        this(maxSize, maxAge, Ticker.systemTicker());
    }

    VerifiedTokens(int maxSize, Duration maxAge, Ticker ticker) {
        if (maxSize < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("kyodo.token-cache: max-size and max-age must be positive");
        }
        this.ticker = ticker;
        this.maxAgeNanos = maxAge.toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(new Expiry<String, Verified<I>>() {
                    @Override
                    public long expireAfterCreate(String key, Verified<I> value, long now) {
                        return Math.max(0, value.expiresAtNanos() - now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified<I> value, long now, long current) {
                        return expireAfterCreate(key, value, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified<I> value, long now, long current) {
                        return current;
                    }
                })
                // Expired entries are dropped on the calling thread: no pool of its own.
                .executor(Runnable::run)
                .build();
    }

    /** The identity of a token checked before and still within its lifetime. */
    public Optional<I> find(String token) {
        Verified<I> verified = cache.getIfPresent(keyOf(token));
        if (verified == null || verified.expiresAtNanos() - ticker.read() <= 0) {
            return Optional.empty();
        }
        return Optional.of(verified.identity());
    }

    /**
     * Remembers a token that has just been verified.
     *
     * @param secondsLeft how long the token is still valid ({@code exp} minus now); nothing is kept for a token that
     *                    has expired or has no expiry
     */
    public void remember(String token, I identity, long secondsLeft) {
        if (secondsLeft <= 0) {
            return;
        }
        long now = ticker.read();
        long lifetime = Math.min(TimeUnit.SECONDS.toNanos(secondsLeft), maxAgeNanos);
        cache.put(keyOf(token), new Verified<>(identity, now + lifetime));
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    static String keyOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
