package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.List;
import java.util.Map;

/** The rendered kustomizations the tests look at, read into the strict model. */
final class K8s {

    /** Every kustomization the Deployments come from. */
    static final List<String> DEPLOYABLE = List.of("base", "overlays/development", "overlays/production");

    private K8s() {
    }

    static List<ObjectNode> rendered(String kustomization) {
        return KustomizeRenderer.render(ProjectFiles.k8s(kustomization));
    }

    static List<HasMetadata> typed(String kustomization) {
        return rendered(kustomization).stream().map(StrictModel::parse).toList();
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> resources, Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name));
    }

    /** The Secrets operators create from the template. */
    static List<Secret> secretTemplate() {
        return Yaml.documents(ProjectFiles.k8s("base/secret.template.yaml")).stream()
                .map(doc -> StrictModel.parse(doc, Secret.class)).toList();
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers, expected 1");
        }
        return containers.getFirst();
    }

    static ContainerEnvironment environment(List<HasMetadata> resources, Services service) {
        Deployment deployment = named(resources, Deployment.class, service.deployment());
        return ContainerEnvironment.of(container(deployment), resources, secretTemplate(), key -> {
            String value = Services.PLACEHOLDERS.get(key);
            if (value == null) {
                throw new AssertionError("no realistic placeholder for " + key + ": add one to Services.PLACEHOLDERS");
            }
            return value;
        });
    }

    static Map<String, String> env(List<HasMetadata> resources, Services service) {
        return environment(resources, service).values();
    }
}
