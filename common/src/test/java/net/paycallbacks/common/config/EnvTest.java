package net.paycallbacks.common.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvTest {

    @Test
    void aSetVariableIsReadTrimmedAndAnUnsetOneIsEmpty() {
        // Given
        Env env = new Env(Map.of("NAME", "  shop  "));

        // Then
        assertThat(env.optional("NAME")).contains("shop");
        assertThat(env.optional("OTHER")).isEmpty();
        assertThat(env.string("OTHER", "fallback")).isEqualTo("fallback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void aBlankVariableCountsAsMissing(String blank) {
        // Given
        Env env = new Env(Map.of("NAME", blank));

        // Then
        assertThat(env.optional("NAME")).isEmpty();
        assertThat(env.string("NAME", "fallback")).isEqualTo("fallback");
        assertThat(env.integer("NAME", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void aMissingRequiredVariableFailsNamingIt() {
        // Given
        Env env = new Env(Map.of("SOMETHING_ELSE", "x"));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> env.required("DB_URL"));

        // Then
        assertThat(e).hasMessage("DB_URL: is required but not set");
    }

    @Test
    void aBlankRequiredVariableFailsAsIfMissing() {
        Env env = new Env(Map.of("DB_URL", "  "));

        assertThat(catchThrowableOfType(ConfigException.class, () -> env.required("DB_URL")))
                .hasMessageStartingWith("DB_URL:");
    }

    @Test
    void anIntegerWithinRangeIsReadAndAnUnsetOneFallsBack() {
        Env env = new Env(Map.of("PORT", " 9090 "));

        assertThat(env.integer("PORT", 8080, 1, 65535)).isEqualTo(9090);
        assertThat(env.integer("UNSET", 8080, 1, 65535)).isEqualTo(8080);
    }

    @Test
    void theRangeBoundsAreInclusive() {
        Env env = new Env(Map.of("LOW", "1", "HIGH", "65535"));

        assertThat(env.integer("LOW", 8080, 1, 65535)).isEqualTo(1);
        assertThat(env.integer("HIGH", 8080, 1, 65535)).isEqualTo(65535);
    }

    @ParameterizedTest
    @CsvSource({
            "70000, must be between 1 and 65535",
            "-3, must be between 1 and 65535",
            "65536, must be between 1 and 65535",
            "eighty, must be a whole number",
            "80.5, must be a whole number",
            "0x50, must be a whole number",
            "99999999999, must be a whole number"})
    void aBadIntegerFailsNamingTheVariableButNotTheValue(String value, String problem) {
        // Given
        Env env = new Env(Map.of("PORT", value));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> env.integer("PORT", 8080, 1, 65535));

        // Then
        assertThat(e).hasMessage("PORT: " + problem);
        assertThat(e).message().doesNotContain(value);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "YES,true", "1,true", "On,true", "false,false", "no,false", "0,false", "OFF,false"})
    void booleansAcceptTheUsualSpellingsInAnyCase(String raw, boolean expected) {
        Env env = new Env(Map.of("FLAG", raw));

        assertThat(env.bool("FLAG", !expected)).isEqualTo(expected);
    }

    @Test
    void anUnsetBooleanFallsBack() {
        Env env = new Env(Map.of());

        assertThat(env.bool("FLAG", true)).isTrue();
        assertThat(env.bool("FLAG", false)).isFalse();
    }

    @Test
    void anUnreadableBooleanFailsNamingTheVariableButNotTheValue() {
        // Given
        Env env = new Env(Map.of("FLAG", "maybe"));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> env.bool("FLAG", true));

        // Then
        assertThat(e).hasMessage("FLAG: must be true or false");
        assertThat(e).message().doesNotContain("maybe");
    }

    @Test
    void aDurationIsReadAsMillisecondsOrIso8601() {
        // Given
        Env env = new Env(Map.of("AS_MILLIS", "1500", "AS_ISO", "PT1.5S", "AS_LOWER_ISO", "pt2m"));

        // Then
        assertThat(env.duration("AS_MILLIS", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(env.duration("AS_ISO", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(env.duration("AS_LOWER_ISO", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(env.duration("UNSET", Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anOptionalDurationIsEmptyWhenUnsetAndPresentWhenSet() {
        Env env = new Env(Map.of("SKEW", "PT5M"));

        assertThat(env.optionalDuration("SKEW")).contains(Duration.ofMinutes(5));
        assertThat(env.optionalDuration("UNSET")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-250", "PT-3S"})
    void aNegativeDurationIsRefusedNamingTheVariableButNotTheValue(String value) {
        // Given
        Env env = new Env(Map.of("TIMEOUT", value));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> env.duration("TIMEOUT", Duration.ZERO));

        // Then
        assertThat(e).hasMessage("TIMEOUT: must not be negative");
        assertThat(e).message().doesNotContain(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4s", "PTfour", "2.5", "soon"})
    void anUnreadableDurationFailsNamingTheVariableButNotTheValue(String value) {
        // Given
        Env env = new Env(Map.of("TIMEOUT", value));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> env.optionalDuration("TIMEOUT"));

        // Then
        assertThat(e).message().startsWith("TIMEOUT: must be milliseconds").doesNotContain(value);
    }

    @Test
    void kafkaVariablesBecomeClientPropertiesAndOthersAreIgnored() {
        // Given
        Env env = new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " broker-1:9092,broker-2:9092 ",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_STATE_DIR", "/var/lib/streams",
                "KAFKA_CLIENT_ID", "   ",
                "HTTP_PORT", "8080"));

        // When
        Properties properties = env.kafkaProperties();

        // Then
        assertThat(properties).containsOnly(
                Map.entry("bootstrap.servers", "broker-1:9092,broker-2:9092"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("state.dir", "/var/lib/streams"));
    }

    @Test
    void kafkaPropertiesWithoutBootstrapServersFail() {
        // Given
        Env env = new Env(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

        // When
        ConfigException e = catchThrowableOfType(ConfigException.class, env::kafkaProperties);

        // Then
        assertThat(e).hasMessage("KAFKA_BOOTSTRAP_SERVERS: is required but not set");
    }

    @Test
    void aVariableNamedOnlyByThePrefixIsNotAProperty() {
        Env env = new Env(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "KAFKA_", "x"));

        assertThat(env.kafkaProperties()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void kafkaScriptOptionsAndKubernetesServiceLinksAreNotPassedToTheClient() {
        // Given variables that Kafka images and Kubernetes set, beside a real client setting
        Env env = new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_PORT", "tcp://10.0.0.1:9092",
                "KAFKA_PORT_9092_TCP_ADDR", "10.0.0.1",
                "KAFKA_SERVICE_HOST", "10.0.0.1",
                "KAFKA_LINGER_MS", "5"));

        // Then only the client settings come through
        assertThat(env.kafkaProperties()).containsOnlyKeys("bootstrap.servers", "linger.ms");
    }
}
