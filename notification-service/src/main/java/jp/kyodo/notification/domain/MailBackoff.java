package jp.kyodo.notification.domain;

import java.time.Duration;

/**
 * Retrying a mail the SMTP server did not take: the first retry after {@code first}, each next one twice as late, never
 * later than {@code max}; after {@code maxAttempts} attempts the mail is given up (FAILED, with the last reason).
 */
public record MailBackoff(Duration first, Duration max, int maxAttempts) {

    public Duration delayAfter(int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
