package net.paycallbacks.notifier;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.retry.RetryPolicy;
import net.paycallbacks.notifier.smtp.StartTls;
import net.paycallbacks.streams.BoundedRocksDbConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            Env.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
            "SMTP_HOST", "mail.internal",
            "MAIL_FROM", "Shop <orders@shop.example>");

    @TempDir
    Path tempDir;

    @Test
    void defaultsNeedOnlyTheBrokersTheMailServerAndTheSender() {
        NotifierConfig config = config(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.kinds().enabled()).isEqualTo(EnumSet.allOf(EmailKind.class));
        assertThat(config.templateDir()).as("built-in templates").isEmpty();
        assertThat(config.locale()).isEqualTo(Locale.US);
        assertThat(config.retry()).isEqualTo(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(30), 12));
        assertThat(config.smtp().host()).isEqualTo("mail.internal");
        assertThat(config.smtp().port()).isEqualTo(587);
        assertThat(config.smtp().startTls()).isEqualTo(StartTls.REQUIRED);
        assertThat(config.kafka()).containsEntry("bootstrap.servers", "kafka:9092");
    }

    @Test
    void onlyTheConfiguredEmailKindsAreEnabled() {
        NotifierConfig config = config(Map.of("NOTIFY_EMAIL_KINDS", "payment,refund"));

        assertThat(config.kinds().enabled()).isEqualTo(EnumSet.of(EmailKind.PAYMENT_CONFIRMATION, EmailKind.REFUND_CONFIRMATION));
    }

    @Test
    void anUnknownEmailKindIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> config(Map.of("NOTIFY_EMAIL_KINDS", "payment,receipt")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NOTIFY_EMAIL_KINDS")
                .hasMessageContaining("receipt");
    }

    @Test
    void anExistingTemplateDirectoryOverridesTheBuiltInTemplates() {
        NotifierConfig config = config(Map.of("NOTIFY_TEMPLATE_DIR", tempDir.toString()));

        assertThat(config.templateDir()).contains(tempDir);
    }

    @Test
    void aTemplateDirectoryThatDoesNotExistIsRefusedNamingTheVariable() {
        Path missing = tempDir.resolve("no-such-templates");

        assertThatThrownBy(() -> config(Map.of("NOTIFY_TEMPLATE_DIR", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NOTIFY_TEMPLATE_DIR");
    }

    @Test
    void aLanguageTagSetsTheLocaleForAmounts() {
        assertThat(config(Map.of("NOTIFY_LOCALE", "de-AT")).locale()).isEqualTo(Locale.forLanguageTag("de-AT"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"12345", "!!", "en_US"})
    void aMalformedLocaleIsRefusedNamingTheVariable(String tag) {
        assertThatThrownBy(() -> config(Map.of("NOTIFY_LOCALE", tag)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NOTIFY_LOCALE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Env.KAFKA_BOOTSTRAP_SERVERS, "SMTP_HOST", "MAIL_FROM"})
    void aMissingRequiredVariableIsNamed(String required) {
        Map<String, String> environment = new HashMap<>(MINIMAL);
        environment.remove(required);

        assertThatThrownBy(() -> NotifierConfig.from(new Env(environment)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(required);
    }

    @Test
    void theDescriptionNeverShowsTheSmtpPassword() {
        NotifierConfig config = config(Map.of("SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "pw-Xq93-smtp-secret",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"notifier\" password=\"pw-Kf71-kafka-secret\";"));

        String description = config.describe();

        assertThat(description).contains("mail.internal").contains("auth=yes")
                .doesNotContain("pw-Xq93-smtp-secret").doesNotContain("pw-Kf71-kafka-secret");
    }

    // --- Kafka Streams settings ---

    @Test
    void streamsAlwaysRunExactlyOnceAndFailOnErrors() {
        NotifierConfig config = config(Map.of(
                "KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "KAFKA_PROCESSING_EXCEPTION_HANDLER", "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler",
                "KAFKA_DESERIALIZATION_EXCEPTION_HANDLER", "org.apache.kafka.streams.errors.LogAndContinueExceptionHandler"));

        Properties streams = NotifierApp.streamsProperties(config);

        assertThat(streams)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        "org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        "org.apache.kafka.streams.errors.LogAndFailExceptionHandler");
    }

    @Test
    void theApplicationIdDefaultsToIxopayNotifier() {
        Properties streams = NotifierApp.streamsProperties(config(Map.of()));

        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "ixopay-notifier")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092");
    }

    @Test
    void theStoresShareOneRocksDbBudgetUnlessTheOperatorBringsTheirOwnSetter() {
        assertThat(config(Map.of()).rocksDbMemoryMib()).isEqualTo(64);
        assertThat(config(Map.of("ROCKSDB_MEMORY_MIB", "256")).rocksDbMemoryMib()).isEqualTo(256);
        assertThat(NotifierApp.streamsProperties(config(Map.of())))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        assertThat(NotifierApp.streamsProperties(config(Map.of("KAFKA_ROCKSDB_CONFIG_SETTER", "com.example.OwnSetter"))))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.OwnSetter");
        assertThatThrownBy(() -> config(Map.of("ROCKSDB_MEMORY_MIB", "lots")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("ROCKSDB_MEMORY_MIB");
    }

    @Test
    void theApplicationIdCanBeSetForASecondDeployment() {
        Properties streams = NotifierApp.streamsProperties(config(Map.of("KAFKA_APPLICATION_ID", "notifier-eu")));

        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "notifier-eu");
    }

    @Test
    void theKafkaTransactionOutlivesAMinuteAndTwoSlowSmtpExchanges() {
        NotifierConfig defaults = config(Map.of());
        NotifierConfig quickSmtp = config(Map.of("SMTP_CONNECT_TIMEOUT", "1000", "SMTP_READ_TIMEOUT", "1000"));
        // A send may take a connect and two reads (DATA and its reply); two such sends fit in one transaction.
        long twoSlowSends = defaults.smtp().connectTimeout().plus(defaults.smtp().readTimeout().multipliedBy(2))
                .multipliedBy(2).toMillis();

        assertThat(transactionTimeoutMs(defaults)).isGreaterThanOrEqualTo(60_000).isGreaterThanOrEqualTo(twoSlowSends);
        assertThat(transactionTimeoutMs(quickSmtp)).isEqualTo(60_000);
    }

    private static long transactionTimeoutMs(NotifierConfig config) {
        return Long.parseLong(NotifierApp.streamsProperties(config)
                .getProperty(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)));
    }

    private static NotifierConfig config(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(MINIMAL);
        environment.putAll(overrides);
        return NotifierConfig.from(new Env(environment));
    }
}
