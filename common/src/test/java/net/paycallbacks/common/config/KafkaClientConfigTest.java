package net.paycallbacks.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigTest {

    @Test
    void theEnvironmentOverridesDefaultsAndEnforcedSettingsOverrideBoth() {
        // Given the same three settings at every layer, and one setting only in each
        Map<String, Object> defaults = Map.of("acks", "1", "linger.ms", 5, "client.id", "default-id", "retries", 3);
        Properties fromEnvironment = properties(Map.of("acks", "0", "linger.ms", "20", "compression.type", "zstd"));
        Map<String, Object> enforced = Map.of("acks", "all", "enable.idempotence", true);

        // When
        Properties merged = KafkaClientConfig.layered(defaults, fromEnvironment, enforced);

        // Then
        assertThat(merged).containsOnly(
                Map.entry("acks", "all"),
                Map.entry("enable.idempotence", "true"),
                Map.entry("linger.ms", "20"),
                Map.entry("compression.type", "zstd"),
                Map.entry("client.id", "default-id"),
                Map.entry("retries", "3"));
    }

    @Test
    void layeringLeavesItsInputsUntouched() {
        // Given
        Properties fromEnvironment = properties(Map.of("acks", "0"));

        // When
        KafkaClientConfig.layered(Map.of(), fromEnvironment, Map.of("acks", "all"));

        // Then
        assertThat(fromEnvironment).containsOnly(Map.entry("acks", "0"));
    }

    @Test
    void describeMasksSecretsButShowsOrdinarySettings() {
        // Given
        Properties properties = properties(Map.of(
                "bootstrap.servers", "broker-1:9092",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "sasl.jaas.config", "PlainLoginModule required username=\"svc\" password=\"jaas-pw\";",
                "ssl.key.password", "key-pw",
                "ssl.truststore.password", "trust-pw"));

        // When
        String described = KafkaClientConfig.describe(properties);

        // Then
        assertThat(described)
                .contains("bootstrap.servers=broker-1:9092")
                .contains("key.serializer=org.apache.kafka.common.serialization.StringSerializer")
                .contains("sasl.jaas.config=****", "ssl.key.password=****", "ssl.truststore.password=****")
                .doesNotContain("jaas-pw", "key-pw", "trust-pw", "svc");
    }

    @Test
    void describeListsSettingsSortedByName() {
        Properties properties = properties(Map.of("linger.ms", "5", "acks", "all", "client.id", "ingress"));

        assertThat(KafkaClientConfig.describe(properties)).isEqualTo("{acks=all, client.id=ingress, linger.ms=5}");
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }
}
