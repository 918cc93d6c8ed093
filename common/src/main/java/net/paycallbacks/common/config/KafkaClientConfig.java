package net.paycallbacks.common.config;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** Builds Kafka client properties in layers and prints them without secrets. */
public final class KafkaClientConfig {

    private static final Set<String> SECRET_MARKERS = Set.of("password", "secret", "jaas", "token", "key");

    private KafkaClientConfig() {
    }

    /**
     * Service defaults, then what the operator passed through {@code KAFKA_*}, then the settings
     * the service's guarantees depend on, which nobody may override.
     */
    public static Properties layered(Map<String, ?> defaults, Properties fromEnvironment, Map<String, ?> enforced) {
        Properties merged = new Properties();
        defaults.forEach((name, value) -> merged.put(name, String.valueOf(value)));
        merged.putAll(fromEnvironment);
        enforced.forEach((name, value) -> merged.put(name, String.valueOf(value)));
        return merged;
    }

    /** The properties as text for a start-up log line, with anything secret-looking masked. */
    public static String describe(Properties properties) {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((name, value) -> shown.put(String.valueOf(name),
                isSecret(String.valueOf(name)) ? "****" : String.valueOf(value)));
        return shown.toString();
    }

    static boolean isSecret(String propertyName) {
        String lower = propertyName.toLowerCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(lower::contains)
                && !lower.endsWith(".serializer") && !lower.endsWith(".deserializer");
    }
}
