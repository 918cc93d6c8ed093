package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Kubernetes' strategic merge patch, as far as the overlays use it: maps merge key by key, a null
 * value deletes, lists of the kinds below merge element by element on their merge key (as the
 * Kubernetes API declares it), any other list is replaced.
 */
public final class StrategicMerge {

    /** List field name to the key its elements are merged on (from the Kubernetes API's patchMergeKey). */
    static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort",
            "imagePullSecrets", "name",
            "tolerations", "key");

    private StrategicMerge() {
    }

    public static void apply(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(field)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(field));
            } else {
                target.set(field, value.deepCopy());
            }
        });
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            JsonNode id = element.get(key);
            if (!element.isObject() || id == null) {
                throw new IllegalArgumentException("a patched list element has no merge key '" + key + "': " + element);
            }
            ObjectNode match = null;
            for (JsonNode existing : current) {
                if (id.equals(existing.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                current.add(element.deepCopy());
            } else {
                apply(match, (ObjectNode) element);
            }
        }
    }
}
