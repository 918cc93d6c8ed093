package net.paycallbacks.deploycheck;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of kustomize's {@code kustomization.yaml} that {@link KustomizeRenderer} implements.
 * Read strictly: a field outside this subset (a generator, {@code commonLabels}, a patch target)
 * fails the read, so the manifests cannot use a feature the checks would silently ignore.
 */
public record Kustomization(String apiVersion, String kind, String namespace, List<String> resources,
                            List<LabelSet> labels, List<Replica> replicas, List<Image> images,
                            List<Patch> patches) {

    public Kustomization {
        if (!"kustomize.config.k8s.io/v1beta1".equals(apiVersion) || !"Kustomization".equals(kind)) {
            throw new IllegalArgumentException("not a kustomize.config.k8s.io/v1beta1 Kustomization: " + apiVersion + " " + kind);
        }
        resources = copy(resources);
        labels = copy(labels);
        replicas = copy(replicas);
        images = copy(images);
        patches = copy(patches);
    }

    /** {@code labels:} entry; selectors are never touched (they are immutable on a Deployment). */
    public record LabelSet(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {
        public LabelSet {
            Objects.requireNonNull(pairs, "labels[].pairs");
            if (Boolean.TRUE.equals(includeSelectors)) {
                throw new IllegalArgumentException("labels[].includeSelectors: true is not supported by the renderer");
            }
        }
    }

    public record Replica(String name, int count) {
    }

    public record Image(String name, String newName, String newTag, String digest) {
    }

    /** A strategic-merge patch file; its documents name their targets by apiVersion, kind and name. */
    public record Patch(String path) {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
