package net.paycallbacks.notifier.smtp;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpSettingsTest {

    private static final Map<String, String> MINIMAL = Map.of("SMTP_HOST", "mail.example", "MAIL_FROM", "orders@shop.example");

    @Test
    void defaultsAreSubmissionPortWithRequiredStartTls() {
        SmtpSettings settings = SmtpSettings.from(new Env(MINIMAL));

        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.startTls()).isEqualTo(StartTls.REQUIRED);
        assertThat(settings.username()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.messageIdDomain()).isEqualTo("shop.example");
    }

    @Test
    void theDescriptionNeverShowsThePassword() {
        SmtpSettings settings = SmtpSettings.from(env(Map.of("SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "s3cret-pw")));

        assertThat(settings.describe()).contains("auth=yes").doesNotContain("s3cret-pw");
    }

    @Test
    void badOrIncompleteSettingsAreNamed() {
        assertThatThrownBy(() -> SmtpSettings.from(new Env(Map.of("MAIL_FROM", "orders@shop.example"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_HOST");
        assertThatThrownBy(() -> SmtpSettings.from(env(Map.of("SMTP_STARTTLS", "sometimes"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_STARTTLS");
        assertThatThrownBy(() -> SmtpSettings.from(env(Map.of("SMTP_USERNAME", "mailer"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("SMTP_PASSWORD");
        assertThatThrownBy(() -> SmtpSettings.from(env(Map.of("MAIL_FROM", "not an address"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MAIL_FROM");
    }

    private static Env env(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(MINIMAL);
        environment.putAll(overrides);
        return new Env(environment);
    }
}
