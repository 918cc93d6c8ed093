package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest into the typed Kubernetes (fabric8) or Strimzi model of its apiVersion and kind,
 * strictly: the models keep fields they do not know in {@code additionalProperties} instead of
 * failing, so after reading, the object graph is walked and every such field is reported with its
 * path. A number or boolean where the API wants a string fails too, as it does on a real API server.
 */
public final class StrictModel {

    /** apiVersion/kind to model class: every kind the manifests may use, at the API version they must use. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/Namespace", Namespace.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class);

    private static final JsonMapper MAPPER = strictMapper();

    private StrictModel() {
    }

    /** The typed resource; throws {@link InvalidManifestException} listing every problem found. */
    public static HasMetadata parse(ObjectNode manifest) {
        String type = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        Class<? extends HasMetadata> modelClass = KINDS.get(type);
        if (modelClass == null) {
            throw new InvalidManifestException(KustomizeRenderer.id(manifest),
                    List.of("apiVersion/kind " + type + " is not one of " + KINDS.keySet()));
        }
        HasMetadata model;
        try {
            model = MAPPER.treeToValue(manifest, modelClass);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(KustomizeRenderer.id(manifest), List.of(e.getOriginalMessage()
                    + " at " + e.getLocation()));
        }
        List<String> unknown = unknownFields(model);
        if (!unknown.isEmpty()) {
            throw new InvalidManifestException(KustomizeRenderer.id(manifest),
                    unknown.stream().map(path -> "unknown field " + path).toList());
        }
        return model;
    }

    public static <T extends HasMetadata> T parse(ObjectNode manifest, Class<T> type) {
        return type.cast(parse(manifest));
    }

    /** Paths of every field a model kept as an additional property, i.e. one its API does not define. */
    public static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int index = 0;
            for (Object element : list) {
                walk(element, path + "[" + index++ + "]", found, seen);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, join(path, String.valueOf(key)), found, seen));
        } else if (isModel(value.getClass())) {
            walkFields(value, path, found, seen);
        }
    }

    private static void walkFields(Object model, String path, List<String> found, Set<Object> seen) {
        for (Class<?> type = model.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, model);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
                } else {
                    walk(fieldValue, join(path, jsonName(field)), found, seen);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static JsonMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // An API server refuses `port: "8080"` for an integer and `scrape: true` for a string; so does this.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** A manifest that the Kubernetes API (or the Strimzi CRD) would refuse, with every reason. */
    public static final class InvalidManifestException extends RuntimeException {
        private final List<String> problems;

        InvalidManifestException(String resource, List<String> problems) {
            super(resource + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
