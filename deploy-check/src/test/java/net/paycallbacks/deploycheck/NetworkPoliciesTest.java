package net.paycallbacks.deploycheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the ingress takes outside traffic; every service reaches Kafka and DNS; the notifier reaches SMTP. */
class NetworkPoliciesTest {

    static Stream<String> kustomizations() {
        return K8s.DEPLOYABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everythingIsDeniedUnlessAllowed(String kustomization) {
        List<NetworkPolicy> policies = K8s.ofKind(K8s.typed(kustomization), NetworkPolicy.class);

        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isEmpty();
            assertThat(p.getSpec().getEgress()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void onlyTheIngressAcceptsTrafficFromAnywhere(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Map<String, String> ingressPods = podLabels(resources, Services.INGRESS);

        for (NetworkPolicy policy : K8s.ofKind(resources, NetworkPolicy.class)) {
            boolean fromAnywhere = policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().isEmpty());
            if (fromAnywhere) {
                assertThat(policy.getSpec().getPodSelector().getMatchLabels()).as(policy.getMetadata().getName())
                        .isEqualTo(Map.of("app.kubernetes.io/name", "ixopay-ingress"));
            }
        }
        assertThat(selecting(resources, ingressPods)).anyMatch(p ->
                p.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().isEmpty() && allowsPort(rule.getPorts(), 8080)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void theQueryApiTakesRequestsFromLabelledClientsOnly(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Map<String, String> queryClient = Map.of("ixopay-callbacks/query-client", "true");

        assertThat(selecting(resources, podLabels(resources, Services.PROCESSOR))).anyMatch(p -> p.getSpec().getIngress().stream()
                .anyMatch(rule -> allowsPort(rule.getPorts(), 8080) && rule.getFrom().stream().anyMatch(peer ->
                        peer.getPodSelector() != null && queryClient.equals(peer.getPodSelector().getMatchLabels()))));
        assertThat(selecting(resources, podLabels(resources, Services.NOTIFIER))).noneMatch(p -> p.getSpec().getIngress().stream()
                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer ->
                        peer.getPodSelector() != null && queryClient.equals(peer.getPodSelector().getMatchLabels()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyServiceReachesKafkaAndDns(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        for (Services service : Services.values()) {
            List<NetworkPolicyEgressRule> egress = egressOf(resources, service);
            String bootstrap = K8s.env(resources, service).get("KAFKA_BOOTSTRAP_SERVERS");
            int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));

            assertThat(egress).as(service + " to Kafka").anyMatch(rule -> allowsPort(rule.getPorts(), kafkaPort)
                    && rule.getTo().stream().anyMatch(peer -> "kafka".equals(namespaceOf(peer))));
            assertThat(egress).as(service + " to DNS").anyMatch(rule -> allowsPort(rule.getPorts(), 53)
                    && rule.getPorts().stream().anyMatch(p -> "UDP".equals(p.getProtocol())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void theNotifierReachesItsMailServer(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        int smtpPort = Integer.parseInt(K8s.env(resources, Services.NOTIFIER).get("SMTP_PORT"));

        assertThat(egressOf(resources, Services.NOTIFIER)).anyMatch(rule -> allowsPort(rule.getPorts(), smtpPort));
        assertThat(egressOf(resources, Services.INGRESS)).noneMatch(rule -> allowsPort(rule.getPorts(), smtpPort));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void theKafkaClusterIsTheSameEverywhere(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        List<KafkaTopic> topics = K8s.ofKind(K8s.typed("topics"), KafkaTopic.class);
        String cluster = topics.getFirst().getMetadata().getLabels().get("strimzi.io/cluster");
        String namespace = topics.getFirst().getMetadata().getNamespace();

        assertThat(K8s.env(resources, Services.INGRESS).get("KAFKA_BOOTSTRAP_SERVERS"))
                .startsWith(cluster + "-kafka-bootstrap." + namespace + ".svc:");
        assertThat(egressOf(resources, Services.PROCESSOR)).anyMatch(rule -> rule.getTo().stream().anyMatch(peer ->
                namespace.equals(namespaceOf(peer))
                        && cluster.equals(peer.getPodSelector().getMatchLabels().get("strimzi.io/cluster"))));
    }

    private static List<NetworkPolicyEgressRule> egressOf(List<HasMetadata> resources, Services service) {
        return selecting(resources, podLabels(resources, service)).stream()
                .flatMap(p -> p.getSpec().getEgress().stream()).toList();
    }

    private static List<NetworkPolicy> selecting(List<HasMetadata> resources, Map<String, String> podLabels) {
        return K8s.ofKind(resources, NetworkPolicy.class).stream()
                .filter(p -> selects(p.getSpec().getPodSelector(), podLabels)).toList();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).isEmpty();
        Map<String, String> required = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return labels.entrySet().containsAll(required.entrySet());
    }

    private static Map<String, String> podLabels(List<HasMetadata> resources, Services service) {
        return K8s.named(resources, Deployment.class, service.deployment()).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static boolean allowsPort(List<NetworkPolicyPort> ports, int port) {
        return ports.stream().anyMatch(p -> p.getPort() != null && Objects.equals(p.getPort().getIntVal(), port));
    }

    private static String namespaceOf(NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() == null || peer.getNamespaceSelector().getMatchLabels() == null ? null
                : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    }
}
