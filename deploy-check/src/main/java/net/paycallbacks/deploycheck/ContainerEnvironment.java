package net.paycallbacks.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The environment a container gets in Kubernetes, worked out from the rendered manifests:
 * {@code envFrom} ConfigMaps and {@code env} values resolved; values from Secrets and from the
 * downward API, which exist only in a cluster, replaced by realistic placeholders.
 *
 * @param values  variable name to value (as the service would see it, placeholders included)
 * @param sources variable name to where it comes from ({@code configMap:<name>}, {@code value},
 *                {@code secret:<name>/<key>}, {@code fieldRef:<path>})
 */
public record ContainerEnvironment(Map<String, String> values, Map<String, String> sources) {

    public ContainerEnvironment {
        values = Map.copyOf(values);
        sources = Map.copyOf(sources);
    }

    /**
     * @param resources   the rendered resources (ConfigMaps are looked up among them)
     * @param secrets     the Secrets a cluster would hold (the template), to check referenced keys exist
     * @param placeholder a realistic value for a Secret key or a downward-API field path
     */
    public static ContainerEnvironment of(Container container, List<HasMetadata> resources, List<Secret> secrets,
                                          Function<String, String> placeholder) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() == null || from.getPrefix() != null) {
                throw new IllegalArgumentException(container.getName() + ": only envFrom configMapRef without prefix is used here");
            }
            String name = from.getConfigMapRef().getName();
            configMap(resources, name).getData().forEach((key, value) -> {
                values.put(key, value);
                sources.put(key, "configMap:" + name);
            });
        }
        for (EnvVar variable : container.getEnv()) {
            values.put(variable.getName(), value(container, variable, resources, secrets, placeholder));
            sources.put(variable.getName(), source(variable));
        }
        return new ContainerEnvironment(values, sources);
    }

    private static String value(Container container, EnvVar variable, List<HasMetadata> resources, List<Secret> secrets,
                                Function<String, String> placeholder) {
        EnvVarSource from = variable.getValueFrom();
        if (from == null) {
            return Objects.requireNonNullElse(variable.getValue(), "");
        }
        if (from.getConfigMapKeyRef() != null) {
            String value = configMap(resources, from.getConfigMapKeyRef().getName()).getData().get(from.getConfigMapKeyRef().getKey());
            if (value == null) {
                throw new IllegalArgumentException(container.getName() + ": " + variable.getName() + " refers to a missing ConfigMap key");
            }
            return value;
        }
        if (from.getSecretKeyRef() != null) {
            String secret = from.getSecretKeyRef().getName();
            String key = from.getSecretKeyRef().getKey();
            boolean declared = secrets.stream().anyMatch(s -> s.getMetadata().getName().equals(secret)
                    && (s.getStringData().containsKey(key) || s.getData().containsKey(key)));
            if (!declared) {
                throw new IllegalArgumentException(container.getName() + ": " + variable.getName() + " refers to Secret "
                        + secret + " key " + key + ", which the Secret template does not declare");
            }
            return placeholder.apply(key);
        }
        if (from.getFieldRef() != null) {
            return placeholder.apply(from.getFieldRef().getFieldPath());
        }
        throw new IllegalArgumentException(container.getName() + ": " + variable.getName() + " has a value source not handled here");
    }

    private static String source(EnvVar variable) {
        EnvVarSource from = variable.getValueFrom();
        if (from == null) {
            return "value";
        }
        if (from.getSecretKeyRef() != null) {
            return "secret:" + from.getSecretKeyRef().getName() + "/" + from.getSecretKeyRef().getKey();
        }
        if (from.getFieldRef() != null) {
            return "fieldRef:" + from.getFieldRef().getFieldPath();
        }
        return "configMap:" + from.getConfigMapKeyRef().getName();
    }

    private static ConfigMap configMap(List<HasMetadata> resources, String name) {
        return resources.stream()
                .filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ConfigMap named " + name));
    }
}
