package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renderer does what kustomize does for the features it supports, and refuses the rest. */
class KustomizeRendererTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              labels: {app: app}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: app}
              template:
                metadata:
                  labels: {app: app}
                spec:
                  containers:
                    - name: main
                      image: registry.local:5000/app:1.0
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                      resources:
                        limits: {cpu: "1", memory: 1Gi}
                    - name: sidecar
                      image: sidecar:2.0
            """;

    @Test
    void anOverlayPatchesMergesNamedListsAndSetsNamespaceLabelsImagesAndReplicas() {
        write("base/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n");
        write("base/app.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: prod
                labels:
                  - pairs: {env: prod}
                    includeTemplates: true
                resources: [../base]
                replicas:
                  - {name: app, count: 5}
                images:
                  - {name: registry.local:5000/app, newName: example.com/app, newTag: "2.0"}
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: main
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                          resources:
                            limits: {memory: 2Gi}
                """);

        JsonNode app = KustomizeRenderer.render(dir.resolve("overlay")).getFirst();

        assertThat(app.path("metadata").path("namespace").asText()).isEqualTo("prod");
        assertThat(app.path("metadata").path("labels").path("env").asText()).isEqualTo("prod");
        assertThat(app.path("spec").path("template").path("metadata").path("labels").path("env").asText()).isEqualTo("prod");
        assertThat(app.path("spec").path("selector").path("matchLabels").has("env")).isFalse();
        assertThat(app.path("spec").path("replicas").asInt()).isEqualTo(5);
        JsonNode containers = app.path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(2);
        JsonNode main = containers.get(0);
        assertThat(main.path("image").asText()).isEqualTo("example.com/app:2.0");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("sidecar:2.0");
        assertThat(main.path("env").toString()).isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"}]");
        assertThat(main.path("resources").path("limits").toString()).isEqualTo("{\"cpu\":\"1\",\"memory\":\"2Gi\"}");
    }

    @Test
    void aNullInAPatchDeletesAndAnUnkeyedListIsReplaced() {
        ObjectNode target = Yaml.documents("a: {b: 1, c: 2}\nargs: [x, y]\n").getFirst();
        StrategicMerge.apply(target, Yaml.documents("a: {b: null}\nargs: [z]\n").getFirst());

        assertThat(target.toString()).isEqualTo("{\"a\":{\"c\":2},\"args\":[\"z\"]}");
    }

    @Test
    void aFeatureOutsideTheSubsetOrAPatchWithoutTargetIsRefused() {
        write("a/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                commonLabels: {env: prod}
                resources: []
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("a"))).hasMessageContaining("commonLabels");

        write("b/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\npatches: [{path: p.yaml}]\n");
        write("b/app.yaml", DEPLOYMENT);
        write("b/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\nspec: {replicas: 1}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("b"))).hasMessageContaining("matches 0 resources");
    }

    @Test
    void imageNamesKeepARegistryPort() {
        assertThat(KustomizeRenderer.imageName("registry.local:5000/app:1.0")).isEqualTo("registry.local:5000/app");
        assertThat(KustomizeRenderer.imageName("registry.local:5000/app")).isEqualTo("registry.local:5000/app");
        assertThat(KustomizeRenderer.imageName("app@sha256:abc")).isEqualTo("app");
        assertThat(List.of(KustomizeRenderer.imageName("ixopay-ingress:0.1.0"))).containsExactly("ixopay-ingress");
    }

    private void write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
