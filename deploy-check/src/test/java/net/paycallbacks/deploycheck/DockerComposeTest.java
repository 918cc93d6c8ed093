package net.paycallbacks.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml checked as far as a test can without a Docker engine. */
class DockerComposeTest {

    /** A pinned version tag: digits in it, not a moving name like latest, stable or 4. */
    private static final Pattern PINNED = Pattern.compile("[^:@/]+(/[^:@/]+)*:v?\\d+\\.\\d+(\\.\\d+)?[^:@/]*(@sha256:[0-9a-f]{64})?");

    @Test
    void ithasExactlyTheExpectedServices() {
        List<String> names = new ArrayList<>();
        Compose.file().path("services").fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder("kafka", "kafka-topics", "ingress", "processor", "notifier", "mailpit");
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        Compose.file().path("services").properties().forEach(service -> {
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey() + " image").matches(PINNED).doesNotContain(":latest");
        });
        assertThat(Compose.service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(Compose.service("mailpit").path("image").asText()).startsWith("axllent/mailpit:");
        assertThat(Compose.service("kafka-topics").path("image")).isEqualTo(Compose.service("kafka").path("image"));
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void eachServiceIsBuiltFromTheSharedDockerfileForItsModule(Services service) {
        JsonNode build = Compose.service(service.service).path("build");

        assertThat(build.path("context").asText()).isEqualTo(".");
        assertThat(build.path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
        assertThat(build.path("args").path("SERVICE").asText()).isEqualTo(service.service);
        assertThat(Files.isRegularFile(ProjectFiles.root().resolve("docker/Dockerfile"))).isTrue();
        assertThat(Compose.service(service.service).path("image").asText()).startsWith(service.deployment() + ":");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void eachServiceIsHealthCheckedOnItsReadinessEndpointAndStoppedGracefully(Services service) {
        JsonNode compose = Compose.service(service.service);
        Map<String, String> environment = Compose.environment(service.service);
        String port = environment.getOrDefault("HTTP_PORT", "8080");

        assertThat(textOf(compose.path("healthcheck").path("test")))
                .contains("http://127.0.0.1:" + port + "/health/ready");
        Duration shutdownGrace = service.load(environment);
        assertThat(Compose.duration(compose.path("stop_grace_period").asText())).isGreaterThan(shutdownGrace);
        assertThat(compose.path("ports")).allSatisfy(mapping -> assertThat(mapping.asText()).endsWith(":" + port));
    }

    @Test
    void kafkaAndMailpitAreHealthChecked() {
        assertThat(textOf(Compose.service("kafka").path("healthcheck").path("test"))).contains("kafka-broker-api-versions.sh");
        assertThat(textOf(Compose.service("mailpit").path("healthcheck").path("test"))).contains("readyz");
    }

    @Test
    void theIngressAndMailpitsWebUiArePublished() {
        assertThat(Compose.service("ingress").path("ports")).extracting(JsonNode::asText).containsExactly("127.0.0.1:8080:8080");
        assertThat(Compose.service("mailpit").path("ports")).extracting(JsonNode::asText).contains("127.0.0.1:8025:8025");
    }

    @Test
    void servicesStartOnlyOnceKafkaIsHealthyAndTheTopicsExist() {
        for (Services service : Services.values()) {
            JsonNode dependsOn = Compose.service(service.service).path("depends_on");
            assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.path("kafka-topics").path("condition").asText()).isEqualTo("service_completed_successfully");
        }
        assertThat(Compose.service("notifier").path("depends_on").path("mailpit").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(Compose.service("kafka-topics").path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        Compose.file().path("services").properties().forEach(service -> service.getValue().path("depends_on").properties()
                .forEach(dependency -> {
                    assertThat(Compose.file().path("services").has(dependency.getKey())).isTrue();
                    if (dependency.getValue().path("condition").asText().equals("service_healthy")) {
                        assertThat(Compose.service(dependency.getKey()).has("healthcheck")).as(dependency.getKey()).isTrue();
                    }
                }));
    }

    @Test
    void kafkaRunsInKraftModeAsOneNode() {
        Map<String, String> kafka = Compose.environment("kafka");

        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("//kafka:9092");
        for (Services service : Services.values()) {
            assertThat(Compose.environment(service.service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void theNotifierSendsToMailpit() {
        Map<String, String> notifier = Compose.environment("notifier");

        assertThat(notifier).containsEntry("SMTP_HOST", "mailpit").containsEntry("SMTP_PORT", "1025")
                .containsEntry("SMTP_STARTTLS", "disabled");
    }

    @Test
    void theCommentAtTheTopSaysHowToTryIt() throws IOException {
        String text = Files.readString(ProjectFiles.root().resolve("docker-compose.yml"));
        String header = text.substring(0, text.indexOf("\nname:"));

        assertThat(header).contains("docker compose up --build")
                .contains("bin/send-callback --url http://127.0.0.1:8080/callbacks/demo --secret local-demo-secret")
                .contains("http://127.0.0.1:8025");
        assertThat(Compose.environment("ingress").get("IXOPAY_SHARED_SECRETS")).isEqualTo("demo:local-demo-secret");
        assertThat(Files.isRegularFile(ProjectFiles.root().resolve("docs/examples/debit-success.json"))).isTrue();
    }

    private static String textOf(JsonNode node) {
        if (!node.isArray()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        node.forEach(part -> parts.add(part.asText()));
        return String.join(" ", parts);
    }
}
