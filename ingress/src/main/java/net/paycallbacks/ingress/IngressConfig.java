package net.paycallbacks.ingress;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.KafkaClientConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** The ingress's settings, read once from the environment and validated. */
public record IngressConfig(
        int httpPort,
        ConnectorSecrets secrets,
        boolean acceptLegacyMd5,
        int maxBodyBytes,
        Optional<Duration> maxDateSkew,
        Duration publishTimeout,
        Duration shutdownGrace,
        Properties kafka) {

    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String IXOPAY_SHARED_SECRETS = "IXOPAY_SHARED_SECRETS";
    public static final String IXOPAY_ACCEPT_MD5_SIGNATURES = "IXOPAY_ACCEPT_MD5_SIGNATURES";
    public static final String MAX_BODY_BYTES = "MAX_BODY_BYTES";
    public static final String IXOPAY_MAX_DATE_SKEW = "IXOPAY_MAX_DATE_SKEW";
    public static final String PUBLISH_TIMEOUT = "PUBLISH_TIMEOUT";
    public static final String SHUTDOWN_GRACE = "SHUTDOWN_GRACE";

    /** IXOPAY abandons a delivery attempt after 10 s; answering 503 well before lets it retry cleanly. */
    static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(4);
    static final Duration LONGEST_PUBLISH_TIMEOUT = Duration.ofSeconds(8);
    /** Kafka takes records up to about 1 MiB by default; a larger body could never be stored. */
    static final int LARGEST_BODY_BYTES = 1_000_000;

    public IngressConfig {
        if (publishTimeout.compareTo(Duration.ofMillis(500)) < 0 || publishTimeout.compareTo(LONGEST_PUBLISH_TIMEOUT) > 0) {
            throw new ConfigException(PUBLISH_TIMEOUT,
                    "must be between 500 ms and " + LONGEST_PUBLISH_TIMEOUT.toMillis() + " ms (IXOPAY waits 10 s)");
        }
        if (maxDateSkew.isPresent() && maxDateSkew.get().compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException(IXOPAY_MAX_DATE_SKEW,
                    "must be at least 1 s when set (unset turns the Date check off)");
        }
    }

    public static IngressConfig from(Env env) {
        return new IngressConfig(
                env.integer(HTTP_PORT, 8080, 0, 65535),
                ConnectorSecrets.parse(IXOPAY_SHARED_SECRETS, env.required(IXOPAY_SHARED_SECRETS)),
                env.bool(IXOPAY_ACCEPT_MD5_SIGNATURES, true),
                env.integer(MAX_BODY_BYTES, 64 * 1024, 1024, LARGEST_BODY_BYTES),
                env.optionalDuration(IXOPAY_MAX_DATE_SKEW),
                env.duration(PUBLISH_TIMEOUT, DEFAULT_PUBLISH_TIMEOUT),
                env.duration(SHUTDOWN_GRACE, Duration.ofSeconds(20)),
                env.kafkaProperties());
    }

    /** The effective configuration for the start-up log line: names and numbers, never a secret. */
    public String describe() {
        return "httpPort=" + httpPort
                + ", " + secrets
                + ", acceptLegacyMd5=" + acceptLegacyMd5
                + ", maxBodyBytes=" + maxBodyBytes
                + ", maxDateSkew=" + maxDateSkew.map(Duration::toString).orElse("off")
                + ", publishTimeout=" + publishTimeout.toMillis() + "ms"
                + ", shutdownGrace=" + shutdownGrace.toMillis() + "ms"
                + ", kafka=" + KafkaClientConfig.describe(kafka);
    }
}
