package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml read as a tree, with the few interpretations the checks need. */
final class Compose {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Compose() {
    }

    static ObjectNode file() {
        return Yaml.document(ProjectFiles.root().resolve("docker-compose.yml"));
    }

    static JsonNode service(String name) {
        JsonNode service = file().path("services").path(name);
        if (!service.isObject()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment; the map form only, so every name is visible to the checks. */
    static Map<String, String> environment(String service) {
        JsonNode environment = service(service).path("environment");
        if (!environment.isObject()) {
            throw new AssertionError(service + ": environment must be a map (NAME: value)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        environment.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** A compose duration such as {@code 40s} or {@code 1m30s}. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = matcher.end();
        }
        if (end != text.length() || text.isEmpty()) {
            throw new AssertionError("not a compose duration: " + text);
        }
        return total;
    }
}
