package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features the manifests
 * use: {@code resources} (files and kustomization directories), strategic-merge {@code patches},
 * {@code namespace}, {@code labels}, {@code images} and {@code replicas}. Anything else in a
 * kustomization.yaml is refused by {@link Kustomization}, so nothing is silently left out.
 */
public final class KustomizeRenderer {

    /** Cluster-scoped kinds the manifests use: the namespace transformer leaves them alone. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    private KustomizeRenderer() {
    }

    public static List<ObjectNode> render(Path directory) {
        Kustomization kustomization = Yaml.read(directory.resolve("kustomization.yaml"), Kustomization.class);
        List<ObjectNode> resources = new ArrayList<>();
        for (String resource : kustomization.resources()) {
            Path path = directory.resolve(resource).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : Yaml.documents(path));
        }
        requireUniqueIds(resources, directory);
        for (Kustomization.Patch patch : kustomization.patches()) {
            for (ObjectNode document : Yaml.documents(directory.resolve(patch.path()))) {
                StrategicMerge.apply(target(resources, document, directory), document);
            }
        }
        if (kustomization.namespace() != null) {
            resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.path("kind").asText()))
                    .forEach(r -> metadata(r).put("namespace", kustomization.namespace()));
        }
        kustomization.labels().forEach(labels -> resources.forEach(r -> addLabels(r, labels)));
        kustomization.images().forEach(image -> resources.forEach(r -> setImage(r, image)));
        kustomization.replicas().forEach(replica -> setReplicas(resources, replica, directory));
        return resources;
    }

    public static String id(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText() + "/"
                + resource.path("metadata").path("namespace").asText("") + "/" + resource.path("metadata").path("name").asText();
    }

    private static void requireUniqueIds(List<ObjectNode> resources, Path directory) {
        Set<String> seen = new HashSet<>();
        resources.forEach(r -> {
            if (!seen.add(id(r))) {
                throw new IllegalArgumentException(directory + ": resource " + id(r) + " is declared twice");
            }
        });
    }

    private static ObjectNode target(List<ObjectNode> resources, ObjectNode patch, Path directory) {
        List<ObjectNode> matches = resources.stream()
                .filter(r -> r.path("apiVersion").equals(patch.path("apiVersion")))
                .filter(r -> r.path("kind").equals(patch.path("kind")))
                .filter(r -> r.path("metadata").path("name").equals(patch.path("metadata").path("name")))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(directory + ": a patch for " + id(patch) + " matches "
                    + matches.size() + " resources, not 1");
        }
        return matches.getFirst();
    }

    private static void addLabels(ObjectNode resource, Kustomization.LabelSet labels) {
        labels.pairs().forEach(labelsOf(metadata(resource))::put);
        if (Boolean.TRUE.equals(labels.includeTemplates()) && resource.path("spec").path("template").isObject()) {
            ObjectNode template = (ObjectNode) resource.path("spec").path("template");
            labels.pairs().forEach(labelsOf(metadata(template))::put);
        }
    }

    private static void setImage(ObjectNode resource, Kustomization.Image image) {
        JsonNode podSpec = resource.path("spec").path("template").path("spec");
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(list)) {
                String current = container.path("image").asText();
                if (imageName(current).equals(image.name())) {
                    ((ObjectNode) container).put("image", replaced(current, image));
                }
            }
        }
    }

    /** The image reference without tag and digest (a registry port's colon is kept). */
    static String imageName(String reference) {
        String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private static String replaced(String current, Kustomization.Image image) {
        String name = image.newName() != null ? image.newName() : imageName(current);
        if (image.digest() != null) {
            return name + "@" + image.digest();
        }
        if (image.newTag() != null) {
            return name + ":" + image.newTag();
        }
        return name + current.substring(imageName(current).length());
    }

    private static void setReplicas(List<ObjectNode> resources, Kustomization.Replica replica, Path directory) {
        List<ObjectNode> targets = resources.stream()
                .filter(r -> r.path("kind").asText().equals("Deployment"))
                .filter(r -> r.path("metadata").path("name").asText().equals(replica.name()))
                .toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(directory + ": replicas for " + replica.name() + " matches no Deployment");
        }
        targets.forEach(t -> ((ObjectNode) t.path("spec")).put("replicas", replica.count()));
    }

    private static ObjectNode metadata(ObjectNode resource) {
        return resource.path("metadata").isObject() ? (ObjectNode) resource.get("metadata") : resource.putObject("metadata");
    }

    private static ObjectNode labelsOf(ObjectNode metadata) {
        return metadata.path("labels").isObject() ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
    }
}
