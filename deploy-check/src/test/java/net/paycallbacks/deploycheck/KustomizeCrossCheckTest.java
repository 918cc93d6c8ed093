package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where {@code kubectl} happens to be installed, the renderer's output is compared with
 * {@code kubectl kustomize}'s, resource by resource. Skipped elsewhere (CI has no kubectl):
 * nothing depends on it, it only keeps the renderer honest on machines that can tell.
 */
class KustomizeCrossCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "topics", "overlays/development", "overlays/production"})
    void theRendererAgreesWithKubectlKustomize(String kustomization) throws Exception {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed here");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", ProjectFiles.k8s(kustomization).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // kubectl is there: its refusal of the manifests is a failure, not a reason to skip.
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize: " + output).isZero();

        Map<String, JsonNode> expected = byId(Yaml.documents(output));
        Map<String, JsonNode> actual = byId(KustomizeRenderer.render(ProjectFiles.k8s(kustomization)));

        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, resource) -> assertThat(actual.get(id)).as(id).isEqualTo(resource));
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> resources) {
        return resources.stream().collect(Collectors.toMap(KustomizeRenderer::id, Function.identity()));
    }

    private static Path kubectl() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
