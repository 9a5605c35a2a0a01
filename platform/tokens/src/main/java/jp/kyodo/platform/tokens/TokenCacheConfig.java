package jp.kyodo.platform.tokens;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many verified bearer tokens are remembered, and for how long at most. */
@ConfigMapping(prefix = "kyodo.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token has its signature checked again. */
    @WithDefault("true")
    boolean enabled();

    /** Tokens remembered at once; the least recently used go first. */
    @WithDefault("10000")
    int maxSize();

    /**
     * Longest a token is trusted on the strength of an earlier check, however long it lives: a key the identity
     * provider withdraws stops being honoured within this time.
     */
    @WithDefault("5m")
    Duration maxAge();
}
