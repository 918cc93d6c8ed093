package net.paycallbacks.notifier.retry;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed email is tried again: exponential backoff from {@code firstDelay}, doubling up to
 * {@code maxDelay}, for at most {@code maxAttempts} attempts in all; after the last one it is
 * dead-lettered. The defaults span about 2 hours, enough for a mail server's restart or a
 * provider's short outage, short enough that a customer still gets a timely confirmation.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public static final String RETRY_FIRST_DELAY = "SMTP_RETRY_FIRST_DELAY";
    public static final String RETRY_MAX_DELAY = "SMTP_RETRY_MAX_DELAY";
    public static final String RETRY_MAX_ATTEMPTS = "SMTP_RETRY_MAX_ATTEMPTS";

    public RetryPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new ConfigException(RETRY_FIRST_DELAY, "must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new ConfigException(RETRY_MAX_DELAY, "must not be shorter than " + RETRY_FIRST_DELAY);
        }
    }

    public static RetryPolicy from(Env env) {
        return new RetryPolicy(
                env.duration(RETRY_FIRST_DELAY, Duration.ofSeconds(10)),
                env.duration(RETRY_MAX_DELAY, Duration.ofMinutes(30)),
                env.integer(RETRY_MAX_ATTEMPTS, 12, 1, 100));
    }

    /**
     * When to make the next attempt after {@code failedAttempts} failures (1 after the first), or
     * empty when none is left and the email goes to the dead-letter topic.
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(failedAttempts)));
    }

    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
