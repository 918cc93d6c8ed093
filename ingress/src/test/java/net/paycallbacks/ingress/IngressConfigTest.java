package net.paycallbacks.ingress;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IngressConfigTest {

    static final Map<String, String> MINIMAL = Map.of(
            "IXOPAY_SHARED_SECRETS", "shop-eu:eu-secret",
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    @Test
    void onlyTheSecretsAndTheBrokerNeedSettingEverythingElseHasADefault() {
        // When
        IngressConfig config = IngressConfig.from(new Env(MINIMAL));

        // Then
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.acceptLegacyMd5()).isTrue();
        assertThat(config.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(config.maxDateSkew()).isEmpty();
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.secrets().connectors()).containsExactly("shop-eu");
        assertThat(config.kafka()).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void settingsFromTheEnvironmentReplaceTheDefaults() {
        // Given
        Map<String, String> variables = with(Map.of(
                "HTTP_PORT", "9000",
                "IXOPAY_ACCEPT_MD5_SIGNATURES", "false",
                "MAX_BODY_BYTES", "2048",
                "IXOPAY_MAX_DATE_SKEW", "PT5M",
                "PUBLISH_TIMEOUT", "2500"));

        // When
        IngressConfig config = IngressConfig.from(new Env(variables));

        // Then
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.acceptLegacyMd5()).isFalse();
        assertThat(config.maxBodyBytes()).isEqualTo(2048);
        assertThat(config.maxDateSkew()).contains(Duration.ofMinutes(5));
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void theSharedSecretsAreRequired() {
        // Given
        Env env = new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> IngressConfig.from(env));

        // Then
        assertThat(e).hasMessage("IXOPAY_SHARED_SECRETS: is required but not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"499", "PT0.2S", "8001", "PT9S"})
    void aPublishTimeoutOutside500MillisecondsTo8SecondsIsRefused(String timeout) {
        // Given
        Env env = new Env(with(Map.of("PUBLISH_TIMEOUT", timeout)));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> IngressConfig.from(env));

        // Then
        assertThat(e).message().startsWith("PUBLISH_TIMEOUT: must be between 500 ms and 8000 ms").doesNotContain(timeout);
    }

    @ParameterizedTest
    @CsvSource({"500,500", "PT8S,8000"})
    void aPublishTimeoutAtEitherBoundIsAccepted(String timeout, long expectedMillis) {
        Env env = new Env(with(Map.of("PUBLISH_TIMEOUT", timeout)));

        assertThat(IngressConfig.from(env).publishTimeout()).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void describeShowsTheEffectiveSettingsButNeverASecretValue() {
        // Given two connectors, one mid-rotation, and a Kafka password
        Map<String, String> variables = with(Map.of(
                "IXOPAY_SHARED_SECRETS", "shop-eu:eu-old-secret,shop-eu:eu-new-secret,shop-us:us:secret",
                "KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required username=\"ingress\" password=\"kafka-pw\";"));

        // When
        String described = IngressConfig.from(new Env(variables)).describe();

        // Then
        assertThat(described)
                .contains("httpPort=8080", "connectors (secrets each)={shop-eu=2, shop-us=1}", "maxDateSkew=off",
                        "publishTimeout=4000ms", "bootstrap.servers=localhost:9092", "sasl.jaas.config=****")
                .doesNotContain("eu-old-secret", "eu-new-secret", "us:secret", "kafka-pw");
    }

    private static Map<String, String> with(Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>(MINIMAL);
        variables.putAll(overrides);
        return variables;
    }
}
