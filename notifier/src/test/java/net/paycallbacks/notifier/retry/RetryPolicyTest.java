package net.paycallbacks.notifier.retry;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void delaysDoubleFromTheFirstUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 10);

        assertThat(policy.nextAttempt(1, FAILED_AT)).contains(FAILED_AT.plusSeconds(10));
        assertThat(policy.nextAttempt(2, FAILED_AT)).contains(FAILED_AT.plusSeconds(20));
        assertThat(policy.nextAttempt(3, FAILED_AT)).contains(FAILED_AT.plusSeconds(40));
        assertThat(policy.nextAttempt(4, FAILED_AT)).contains(FAILED_AT.plusSeconds(60));
        assertThat(policy.nextAttempt(9, FAILED_AT)).contains(FAILED_AT.plusSeconds(60));
    }

    @Test
    void afterTheLastAttemptThereIsNoNext() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 3);

        assertThat(policy.nextAttempt(2, FAILED_AT)).isPresent();
        assertThat(policy.nextAttempt(3, FAILED_AT)).isEmpty();
    }

    @Test
    void manyFailuresDoNotOverflow() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), 100);

        assertThat(policy.nextAttempt(99, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(30)));
    }

    @Test
    void defaultsSpanAboutTwoHours() {
        RetryPolicy policy = RetryPolicy.from(new Env(Map.of()));
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < policy.maxAttempts(); failed++) {
            total = total.plus(policy.delayAfter(failed));
        }

        assertThat(policy.maxAttempts()).isEqualTo(12);
        assertThat(total).isBetween(Duration.ofMinutes(90), Duration.ofMinutes(180));
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> RetryPolicy.from(new Env(Map.of("SMTP_RETRY_FIRST_DELAY", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_RETRY_FIRST_DELAY");
        assertThatThrownBy(() -> RetryPolicy.from(new Env(Map.of("SMTP_RETRY_FIRST_DELAY", "60000", "SMTP_RETRY_MAX_DELAY", "1000"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_RETRY_MAX_DELAY");
        assertThatThrownBy(() -> RetryPolicy.from(new Env(Map.of("SMTP_RETRY_MAX_ATTEMPTS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_RETRY_MAX_ATTEMPTS");
    }
}
