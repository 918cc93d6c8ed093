package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every manifest, as written and as rendered, is one the Kubernetes API (or Strimzi's CRD) accepts field by field. */
class KubernetesManifestsTest {

    @Test
    void everyManifestFileInBaseAndTopicsReadsIntoTheStrictModel() throws IOException {
        List<Path> files = manifestFiles(ProjectFiles.k8s("base"), ProjectFiles.k8s("topics"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("ingress.yaml", "processor.yaml", "notifier.yaml", "config.yaml", "network-policies.yaml",
                        "secret.template.yaml", "topics.yaml");

        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            for (ObjectNode manifest : Yaml.documents(file)) {
                read++;
                try {
                    StrictModel.parse(manifest);
                } catch (StrictModel.InvalidManifestException e) {
                    problems.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(read).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "topics", "overlays/development", "overlays/production"})
    void everyRenderedKustomizationReadsIntoTheStrictModel(String kustomization) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> rendered = K8s.rendered(kustomization);
        for (ObjectNode manifest : rendered) {
            try {
                StrictModel.parse(manifest);
            } catch (StrictModel.InvalidManifestException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rendered).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/development", "overlays/production"})
    void anOverlayPutsEveryBaseResourceInItsNamespace(String overlay) {
        List<HasMetadata> base = K8s.typed("base");
        List<HasMetadata> rendered = K8s.typed(overlay);
        String namespace = rendered.stream().filter(r -> r.getKind().equals("Namespace")).findFirst()
                .orElseThrow().getMetadata().getName();

        assertThat(rendered).filteredOn(r -> !r.getKind().equals("Namespace"))
                .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(base.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList());
        assertThat(rendered).filteredOn(r -> !r.getKind().equals("Namespace"))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(namespace));
    }

    @Test
    void aMisspelledFieldAnywhereInADeploymentFailsWithItsPath() {
        ObjectNode deployment = Yaml.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replica: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: app
                          image: example:1.0
                          imagePullPolicyy: Always
                          livenessProbe:
                            httpGet: {path: /health/live, port: 8080}
                            periodSecond: 10
                """).getFirst();

        assertThatThrownBy(() -> StrictModel.parse(deployment))
                .isInstanceOfSatisfying(StrictModel.InvalidManifestException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "unknown field spec.replica",
                                "unknown field spec.template.spec.containers[0].imagePullPolicyy",
                                "unknown field spec.template.spec.containers[0].livenessProbe.periodSecond"));
    }

    @Test
    void theRealManifestsWithOneFieldMisspelledFail() {
        ObjectNode processor = K8s.rendered("overlays/production").stream()
                .filter(r -> r.path("kind").asText().equals("Deployment"))
                .filter(r -> r.path("metadata").path("name").asText().equals("ixopay-processor"))
                .findFirst().orElseThrow();
        ObjectNode container = (ObjectNode) processor.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));

        assertThatThrownBy(() -> StrictModel.parse(processor))
                .hasMessageContaining("unknown field spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aMisspelledKafkaTopicFieldFails() {
        ObjectNode topic = Yaml.documents("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partition: 6
                  replicas: 3
                """).getFirst();

        assertThatThrownBy(() -> StrictModel.parse(topic)).hasMessageContaining("unknown field spec.partition");
    }

    @Test
    void aWrongApiVersionOrAValueOfTheWrongTypeFails() {
        assertThatThrownBy(() -> StrictModel.parse(Yaml.documents("""
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: old}
                """).getFirst())).hasMessageContaining("is not one of");
        assertThatThrownBy(() -> StrictModel.parse(Yaml.documents("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data:
                  HTTP_PORT: 8080
                """).getFirst())).isInstanceOf(StrictModel.InvalidManifestException.class);
        assertThatThrownBy(() -> StrictModel.parse(Yaml.documents("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  ports:
                    - port: "80"
                """).getFirst())).isInstanceOf(StrictModel.InvalidManifestException.class);
    }

    @Test
    void theSecretTemplateIsNotPartOfAnyKustomizationAndHoldsNoUsableSecret() {
        for (String kustomization : List.of("base", "overlays/development", "overlays/production")) {
            assertThat(K8s.typed(kustomization)).noneMatch(r -> r.getKind().equals("Secret"));
        }
        assertThat(K8s.secretTemplate()).allSatisfy(secret -> assertThat(secret.getStringData().values())
                .allSatisfy(value -> assertThat(value).startsWith("<")));
    }

    private static List<Path> manifestFiles(Path... directories) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(p -> p.toString().endsWith(".yaml"))
                        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }
}
