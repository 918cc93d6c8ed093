package net.paycallbacks.deploycheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared Dockerfile, read as text: what a build without a Docker engine can still verify. */
class DockerfileTest {

    private static String dockerfile() throws IOException {
        return Files.readString(ProjectFiles.root().resolve("docker/Dockerfile"));
    }

    private static List<String> fromLines() throws IOException {
        return dockerfile().lines().filter(line -> line.startsWith("FROM ")).toList();
    }

    @Test
    void aPinnedMavenTemurin21BuilderAndAPinnedTemurin21JreRuntime() throws IOException {
        assertThat(fromLines()).hasSize(2);
        assertThat(fromLines().get(0)).matches("FROM maven:3\\.9\\.\\d+-eclipse-temurin-21 AS build");
        assertThat(fromLines().get(1)).matches("FROM eclipse-temurin:21\\.0\\.\\d+_\\d+-jre-noble");
    }

    @Test
    void theBuilderBuildsOnlyTheChosenServiceWithoutTests() throws IOException {
        assertThat(dockerfile())
                .contains("mvn -B -ntp -pl \"${SERVICE}\" -am -DskipTests package")
                .contains("cp \"${SERVICE}/target/ixopay-${SERVICE}.jar\" /ixopay.jar")
                .contains("ingress|processor|notifier)");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void theJarTheDockerfileCopiesIsTheOneTheModuleShades(Services service) throws IOException {
        String pom = Files.readString(ProjectFiles.root().resolve(service.service).resolve("pom.xml"));

        assertThat(pom).contains("<finalName>" + service.jar().replace(".jar", "") + "</finalName>");
    }

    @Test
    void theRuntimeRunsAsANumericNonRootUserWithContainerAwareMemory() throws IOException {
        String dockerfile = dockerfile();

        assertThat(dockerfile.lines().filter(line -> line.startsWith("USER "))).containsExactly("USER 10001:10001");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .contains("mkdir -p /var/lib/ixopay/state");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("ENTRYPOINT ")))
                .singleElement().asString()
                .contains("exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS} -jar /app/ixopay.jar \\\"$@\\\"")
                // The runtime is JDK 21: this JDK 24+ flag would stop the JVM from starting.
                .doesNotContain("--sun-misc-unsafe-memory-access");
        assertThat(Compose.environment("processor")).containsEntry("KAFKA_STATE_DIR", "/var/lib/ixopay/state");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalData() throws IOException {
        List<String> ignored = Files.readAllLines(ProjectFiles.root().resolve(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(ignored).contains("**/target", ".git", ".local");
        // Maven reads every module's pom even with -pl: none of them may be left out.
        for (String module : List.of("common", "embedded-kafka", "service-http", "ingress", "processor", "notifier", "local", "deploy-check")) {
            assertThat(ignored).noneMatch(pattern -> pattern.equals(module) || pattern.startsWith(module + "/"));
            assertThat(Files.isRegularFile(ProjectFiles.root().resolve(module).resolve("pom.xml"))).isTrue();
        }
        assertThat(ignored).noneMatch(pattern -> pattern.equals("pom.xml") || pattern.equals(".mvn"));
        assertThat(Path.of("docker/Dockerfile").toString()).isNotIn(ignored);
    }
}
