package net.paycallbacks.deploycheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every variable the manifests and the compose file give a service is one it reads, and what they
 * give is enough: the service's own configuration loader accepts it (Secrets and the pod IP
 * stood in for by realistic placeholders).
 */
class EnvironmentConsistencyTest {

    static Stream<Arguments> kubernetes() {
        return K8s.DEPLOYABLE.stream().flatMap(k -> Stream.of(Services.values()).map(s -> Arguments.of(k, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("kubernetes")
    void kubernetesSetsOnlyVariablesTheServiceReads(String kustomization, Services service) {
        Map<String, String> environment = K8s.env(K8s.typed(kustomization), service);

        assertThat(service.unreadVariables(environment)).as("variables " + service + " does not read").isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("kubernetes")
    void kubernetesSetsEveryRequiredVariable(String kustomization, Services service) {
        Map<String, String> environment = K8s.env(K8s.typed(kustomization), service);

        assertThatCode(() -> service.load(environment)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void composeSetsOnlyVariablesTheServiceReads(Services service) {
        assertThat(service.unreadVariables(Compose.environment(service.service))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void composeSetsEveryRequiredVariable(Services service) {
        assertThatCode(() -> service.load(Compose.environment(service.service))).doesNotThrowAnyException();
    }

    @Test
    void theIngressGetsTheSecretsFromItsSecretAndTheConnectorsParse() {
        ContainerEnvironment environment = K8s.environment(K8s.typed("overlays/production"), Services.INGRESS);

        assertThat(environment.sources()).containsEntry("IXOPAY_SHARED_SECRETS", "secret:ixopay-ingress-secrets/IXOPAY_SHARED_SECRETS");
        assertThat(Compose.environment("ingress").get("IXOPAY_SHARED_SECRETS")).matches("[a-z0-9][a-z0-9-]*:[^,]+(,[a-z0-9][a-z0-9-]*:[^,]+)*");
    }

    @Test
    void theSecretTemplateAsItIsStopsTheIngressInsteadOfAcceptingAGuessableSecret() {
        String template = K8s.secretTemplate().stream().filter(s -> s.getMetadata().getName().equals("ixopay-ingress-secrets"))
                .findFirst().orElseThrow().getStringData().get("IXOPAY_SHARED_SECRETS");
        Map<String, String> environment = new HashMap<>(K8s.env(K8s.typed("base"), Services.INGRESS));
        environment.put("IXOPAY_SHARED_SECRETS", template);

        assertThatThrownBy(() -> Services.INGRESS.load(environment)).hasMessageContaining("IXOPAY_SHARED_SECRETS");
    }

    @Test
    void theCheckItselfCatchesAVariableNoServiceReadsAndAMissingRequiredOne() {
        Map<String, String> environment = new HashMap<>(Compose.environment("notifier"));
        environment.put("SMTP_HOSTNAME", "mail.example");
        environment.put("KAFKA_NUM_STANDBY_REPLICA", "1");
        environment.put("KAFKA_PORT", "tcp://10.0.0.1:9092");
        environment.put("KAFKA_NUM_STANDBY_REPLICAS", "1");

        assertThat(Services.NOTIFIER.unreadVariables(environment))
                .containsExactly("KAFKA_NUM_STANDBY_REPLICA", "KAFKA_PORT", "SMTP_HOSTNAME");
        assertThat(Services.INGRESS.unreadVariables(Map.of("KAFKA_STATE_DIR", "/state", "KAFKA_ACKS", "all")))
                .containsExactly("KAFKA_STATE_DIR");

        environment.remove("MAIL_FROM");
        assertThatThrownBy(() -> Services.NOTIFIER.load(environment)).hasMessageContaining("MAIL_FROM");
    }

    @Test
    void theVariablesReadOutsideTheConfigClassesAreReallyRead() throws IOException {
        for (Services service : Services.values()) {
            assertThat(service.logbackReadsLogLevel(ProjectFiles.root())).as(service + " logback.xml reads LOG_LEVEL").isTrue();
        }
        assertThat(Files.readString(ProjectFiles.root().resolve("docker/Dockerfile"))).contains("${JAVA_OPTS}");
    }

    @Test
    void theDeclaredVariablesComeFromTheConfigClasses() {
        assertThat(Services.INGRESS.declaredVariables())
                .contains("KAFKA_BOOTSTRAP_SERVERS", "IXOPAY_SHARED_SECRETS", "HTTP_PORT", "SHUTDOWN_GRACE", "PUBLISH_TIMEOUT")
                .doesNotContain("SMTP_HOST", "HTTP_ADVERTISED_HOST");
        assertThat(Services.PROCESSOR.declaredVariables()).contains("HTTP_ADVERTISED_HOST").doesNotContain("IXOPAY_SHARED_SECRETS");
        assertThat(Services.NOTIFIER.declaredVariables())
                .contains("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_STARTTLS", "MAIL_FROM",
                        "SMTP_RETRY_MAX_ATTEMPTS", "NOTIFY_EMAIL_KINDS");
        List<HasMetadata> production = K8s.typed("overlays/production");
        assertThat(K8s.env(production, Services.PROCESSOR)).containsKeys("KAFKA_NUM_STANDBY_REPLICAS", "KAFKA_STATE_DIR");
    }
}
