package net.paycallbacks.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Typed, validated reads of environment variables. Every failure is a {@link ConfigException}
 * naming the variable, so a service stops at start with a message an operator can act on.
 */
public final class Env {

    static final String KAFKA_PREFIX = "KAFKA_";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigException(name, "is required but not set"));
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be a whole number");
        }
    }

    public boolean bool(String name, boolean fallback) {
        return optional(name).map(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name, "must be true or false");
        }).orElse(fallback);
    }

    /** A duration in milliseconds ({@code 1500}) or ISO-8601 ({@code PT1.5S}). */
    public Duration duration(String name, Duration fallback) {
        return optional(name).map(raw -> parseDuration(name, raw)).orElse(fallback);
    }

    public Optional<Duration> optionalDuration(String name) {
        return optional(name).map(raw -> parseDuration(name, raw));
    }

    /**
     * Kafka client properties: {@code KAFKA_BOOTSTRAP_SERVERS} is required, and every other
     * {@code KAFKA_<NAME>} becomes {@code <name>} lower-cased with {@code _} as {@code .}, except
     * the JVM options of Kafka's scripts and the variables Kubernetes sets for a Service named kafka.
     */
    public Properties kafkaProperties() {
        required(KAFKA_BOOTSTRAP_SERVERS);
        Properties properties = new Properties();
        variables.forEach((name, value) -> {
            if (isKafkaClientVariable(name) && !value.isBlank()) {
                properties.setProperty(kafkaPropertyName(name), value.trim());
            }
        });
        return properties;
    }

    static boolean isKafkaClientVariable(String name) {
        return name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length()
                && !name.endsWith("_OPTS")
                && !name.startsWith("KAFKA_SERVICE_")
                && !name.equals("KAFKA_PORT") && !name.startsWith("KAFKA_PORT_");
    }

    static String kafkaPropertyName(String variable) {
        return variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Duration parseDuration(String name, String raw) {
        try {
            Duration value = raw.startsWith("P") || raw.startsWith("p")
                    ? Duration.parse(raw)
                    : Duration.ofMillis(Long.parseLong(raw));
            if (value.isNegative()) {
                throw new ConfigException(name, "must not be negative");
            }
            return value;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigException(name, "must be milliseconds (e.g. 1500) or ISO-8601 (e.g. PT1.5S)");
        }
    }
}
