package net.paycallbacks.local;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSettingsTest {

    @Test
    void withNothingSetTheLocalStackUsesFriendlyFixedDefaultsAndFreshData() {
        LocalSettings settings = LocalSettings.from(new Env(Map.of()), List.of());

        assertThat(settings).isEqualTo(new LocalSettings(Path.of(".local"), 9092, 8080, 8081, 8082, 2525, "local-demo-secret", false));
    }

    @Test
    void environmentAndKeepDataOverrideTheDefaults() {
        LocalSettings settings = LocalSettings.from(new Env(Map.of(
                "HTTP_PORT", "18080", "LOCAL_KAFKA_PORT", "19092", "LOCAL_PROCESSOR_PORT", "18081",
                "LOCAL_NOTIFIER_PORT", "18082", "LOCAL_SMTP_PORT", "12525", "LOCAL_DATA_DIR", "/tmp/k", "LOCAL_DEMO_SECRET", "s")),
                List.of("--keep-data"));

        assertThat(settings).isEqualTo(new LocalSettings(Path.of("/tmp/k"), 19092, 18080, 18081, 18082, 12525, "s", true));
        assertThat(settings.kafkaDir()).isEqualTo(Path.of("/tmp/k/kafka"));
        assertThat(settings.processorStateDir()).isEqualTo(Path.of("/tmp/k/processor-state"));
        assertThat(settings.notifierStateDir()).isEqualTo(Path.of("/tmp/k/notifier-state"));
        assertThat(settings.mailDir()).isEqualTo(Path.of("/tmp/k/mail"));
    }

    @Test
    void anUnknownOptionOrABadPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> LocalSettings.from(new Env(Map.of()), List.of("--keep")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--keep");
        assertThatThrownBy(() -> LocalSettings.from(new Env(Map.of("HTTP_PORT", "http")), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("HTTP_PORT");
    }
}
