package jp.kyodo.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofMinutes(5), nanos::get);

    @Test
    void aVerifiedTokenIsFoundUntilItExpires() {
        tokens.remember("token-a", "alice", 60);
        assertThat(tokens.find("token-a")).contains("alice");
        advance(59_999);
        assertThat(tokens.find("token-a")).contains("alice");
        advance(1);
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsTrustedNoLongerThanTheMaximumAge() {
        tokens.remember("token-b", "bob", 3600);
        advance(TimeUnit.MINUTES.toMillis(5) - 1);
        assertThat(tokens.find("token-b")).contains("bob");
        advance(1);
        assertThat(tokens.find("token-b")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("token-c", "carol", 0);
        tokens.remember("token-d", "dave", -5);
        assertThat(tokens.find("token-c")).isEmpty();
        assertThat(tokens.find("token-d")).isEmpty();
    }

    @Test
    void anotherTokenIsNotFoundAndTheCacheStaysBounded() {
        tokens.remember("token-e", "erin", 60);
        assertThat(tokens.find("token-e ")).isEmpty();
        assertThat(tokens.find("TOKEN-E")).isEmpty();
        for (int i = 0; i < 50; i++) {
            tokens.remember("token-" + i, "user-" + i, 60);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void theKeyIsTheTokensHashNotTheToken() {
        assertThat(VerifiedTokens.keyOf("eyJhbGciOi.payload.signature")).doesNotContain("eyJ").hasSize(43);
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
