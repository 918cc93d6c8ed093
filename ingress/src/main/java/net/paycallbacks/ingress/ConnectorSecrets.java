package net.paycallbacks.ingress;

import net.paycallbacks.common.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shared secrets per connector. A connector may have several, so a secret can be rotated
 * without downtime. {@link #toString()} names connectors only.
 */
public final class ConnectorSecrets {

    public static final Pattern CONNECTOR_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Map<String, List<byte[]>> secretsByConnector;

    private ConnectorSecrets(Map<String, List<byte[]>> secretsByConnector) {
        this.secretsByConnector = Map.copyOf(secretsByConnector);
    }

    /**
     * Parses {@code connector:secret} pairs separated by commas. A secret may contain {@code :} but
     * not {@code ,}; a connector listed twice keeps both secrets.
     */
    public static ConnectorSecrets parse(String variable, String pairs) {
        Map<String, List<byte[]>> parsed = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            String trimmed = pair.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new ConfigException(variable, "each entry must be connector:secret");
            }
            String connector = trimmed.substring(0, colon);
            String secret = trimmed.substring(colon + 1);
            if (!CONNECTOR_NAME.matcher(connector).matches()) {
                throw new ConfigException(variable, "connector name '" + connector + "' must match " + CONNECTOR_NAME);
            }
            if (secret.isEmpty()) {
                throw new ConfigException(variable, "connector '" + connector + "' has an empty secret");
            }
            parsed.computeIfAbsent(connector, c -> new java.util.ArrayList<>())
                    .add(secret.getBytes(StandardCharsets.UTF_8));
        }
        parsed.replaceAll((connector, secrets) -> List.copyOf(secrets));
        return new ConnectorSecrets(parsed);
    }

    /** The secrets of a connector; empty for a connector nobody configured, which is then refused. */
    public Optional<List<byte[]>> secretsFor(String connector) {
        return Optional.ofNullable(secretsByConnector.get(connector));
    }

    public Set<String> connectors() {
        return secretsByConnector.keySet();
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        secretsByConnector.forEach((connector, secrets) -> counts.put(connector, secrets.size()));
        return "connectors (secrets each)=" + counts;
    }
}
