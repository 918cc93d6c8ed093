package net.paycallbacks.ingress;

import net.paycallbacks.common.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
     * Parses {@code connector:secret} pairs separated by commas; spaces around names and secrets are
     * ignored. A secret may contain {@code :} but not {@code ,}; a connector listed twice keeps both
     * secrets. Errors name the entry by position only: any text of it might be part of a secret.
     */
    public static ConnectorSecrets parse(String variable, String pairs) {
        Map<String, List<byte[]>> parsed = new LinkedHashMap<>();
        String[] entries = pairs.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = "entry " + (i + 1);
            int colon = entries[i].indexOf(':');
            if (colon < 0) {
                throw new ConfigException(variable, entry + " is not connector:secret");
            }
            String connector = entries[i].substring(0, colon).trim();
            String secret = entries[i].substring(colon + 1).trim();
            if (!CONNECTOR_NAME.matcher(connector).matches()) {
                throw new ConfigException(variable, entry + ": the connector name must match " + CONNECTOR_NAME
                        + " (a secret must not contain a comma)");
            }
            if (secret.isEmpty()) {
                throw new ConfigException(variable, entry + " has an empty secret");
            }
            parsed.computeIfAbsent(connector, c -> new ArrayList<>()).add(secret.getBytes(StandardCharsets.UTF_8));
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
        Map<String, Integer> counts = new TreeMap<>();
        secretsByConnector.forEach((connector, secrets) -> counts.put(connector, secrets.size()));
        return "connectors (secrets each)=" + counts;
    }
}
