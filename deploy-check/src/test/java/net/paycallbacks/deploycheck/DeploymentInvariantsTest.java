package net.paycallbacks.deploycheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What each service needs from its Deployment, in the base and in every overlay. */
class DeploymentInvariantsTest {

    /** Metaspace, code cache, thread stacks, the collector's own structures: see the processor's memory in the README. */
    private static final long JVM_OWN_AREAS_MIB = 256;
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    static Stream<Arguments> deployments() {
        return K8s.DEPLOYABLE.stream().flatMap(k -> Stream.of(Services.values()).map(s -> Arguments.of(k, s)));
    }

    /** The services with RocksDB stores, whose native memory the JVM's heap limit does not cover. */
    static Stream<Arguments> streamsDeployments() {
        return deployments().filter(arguments -> ((Services) arguments.get()[1]).kafkaStreams);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void probesUseTheHealthEndpointsOnTheServicePort(String kustomization, Services service) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Container container = K8s.container(K8s.named(resources, Deployment.class, service.deployment()));
        int httpPort = Integer.parseInt(K8s.env(resources, service).getOrDefault("HTTP_PORT", "8080"));

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(httpPort);
        });
        assertHttpProbe(container.getLivenessProbe(), "/health/live");
        assertHttpProbe(container.getReadinessProbe(), "/health/ready");
        assertHttpProbe(container.getStartupProbe(), "/health/live");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void cpuAndMemoryAreRequestedAndLimited(String kustomization, Services service) {
        Container container = K8s.container(K8s.named(K8s.typed(kustomization), Deployment.class, service.deployment()));
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();

        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(requests.get("cpu").getNumericalAmount()).isLessThanOrEqualTo(limits.get("cpu").getNumericalAmount());
        // Memory is not elastic: a pod using more than it requested is the first one evicted.
        assertThat(requests.get("memory").getNumericalAmount()).isEqualByComparingTo(limits.get("memory").getNumericalAmount());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("streamsDeployments")
    void theMemoryLimitHoldsTheHeapTheRocksDbBudgetAndTheJvmsOwnAreas(String kustomization, Services service) throws IOException {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Map<String, String> environment = K8s.env(resources, service);
        long limitMib = K8s.container(K8s.named(resources, Deployment.class, service.deployment()))
                .getResources().getLimits().get("memory").getNumericalAmount().longValue() >> 20;
        String javaOptions = environment.getOrDefault("JAVA_OPTS", imageJavaOptions());
        Matcher heapShare = MAX_RAM_PERCENTAGE.matcher(javaOptions);
        assertThat(heapShare.find()).as("JAVA_OPTS sets -XX:MaxRAMPercentage: %s", javaOptions).isTrue();
        long heapMib = (long) (limitMib * Double.parseDouble(heapShare.group(1)) / 100);

        assertThat(heapMib + service.rocksDbMemoryMib(environment) + JVM_OWN_AREAS_MIB)
                .as("heap %d MiB + ROCKSDB_MEMORY_MIB + %d MiB for the JVM's own areas, in a limit of %d MiB",
                        heapMib, JVM_OWN_AREAS_MIB, limitMib)
                .isLessThanOrEqualTo(limitMib);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void theContainerRunsAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(String kustomization, Services service) {
        Deployment deployment = K8s.named(K8s.typed(kustomization), Deployment.class, service.deployment());
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = K8s.container(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getImage()).matches("[^:@]+(:[^:@/]+|@sha256:[0-9a-f]{64})").doesNotEndWith(":latest");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void tempFilesAndTheKafkaStreamsStateGoToWritableEmptyDirs(String kustomization, Services service) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Deployment deployment = K8s.named(resources, Deployment.class, service.deployment());

        assertThat(emptyDirMountedAt(deployment, "/tmp")).isTrue();
        String stateDir = K8s.env(resources, service).get("KAFKA_STATE_DIR");
        if (service.kafkaStreams) {
            assertThat(stateDir).as("KAFKA_STATE_DIR of " + service).isNotBlank();
            assertThat(emptyDirMountedAt(deployment, stateDir)).as("an emptyDir at " + stateDir).isTrue();
        } else {
            assertThat(stateDir).isNull();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void terminationGraceOutlastsTheServicesOwnShutdownGrace(String kustomization, Services service) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Deployment deployment = K8s.named(resources, Deployment.class, service.deployment());
        Duration shutdownGrace = service.load(K8s.env(resources, service));
        Duration preStop = preStopSleep(K8s.container(deployment));

        long terminationGrace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(Duration.ofSeconds(terminationGrace)).isGreaterThan(shutdownGrace.plus(preStop).plusSeconds(5));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void serviceLinksAreOffSoKubernetesInjectsNoKafkaVariables(String kustomization, Services service) {
        Deployment deployment = K8s.named(K8s.typed(kustomization), Deployment.class, service.deployment());

        assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("deployments")
    void prometheusScrapesTheMetricsEndpoint(String kustomization, Services service) {
        Deployment deployment = K8s.named(K8s.typed(kustomization), Deployment.class, service.deployment());

        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(K8s.container(deployment).getPorts().getFirst().getContainerPort()))
                .containsEntry("prometheus.io/path", "/metrics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void theProcessorAdvertisesItsPodIp(String kustomization) {
        ContainerEnvironment environment = K8s.environment(K8s.typed(kustomization), Services.PROCESSOR);

        assertThat(environment.sources()).containsEntry("HTTP_ADVERTISED_HOST", "fieldRef:status.podIP");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void theHpaOwnsTheIngressReplicasAndEveryServiceAndBudgetSelectsItsPods(String kustomization) {
        List<HasMetadata> resources = K8s.typed(kustomization);
        Deployment ingress = K8s.named(resources, Deployment.class, "ixopay-ingress");
        HorizontalPodAutoscaler hpa = K8s.named(resources, HorizontalPodAutoscaler.class, "ixopay-ingress");

        assertThat(ingress.getSpec().getReplicas()).as("replicas of a Deployment scaled by an HPA").isNull();
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("ixopay-ingress");
        assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        for (Services service : Services.values()) {
            Deployment deployment = K8s.named(resources, Deployment.class, service.deployment());
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Service svc = K8s.named(resources, Service.class, service.deployment());
            assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(svc.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
            PodDisruptionBudget budget = K8s.named(resources, PodDisruptionBudget.class, service.deployment());
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        }
    }

    static Stream<String> kustomizations() {
        return K8s.DEPLOYABLE.stream();
    }

    /** The image's default JAVA_OPTS, from its Dockerfile's ENV line. */
    private static String imageJavaOptions() throws IOException {
        return Files.readString(ProjectFiles.root().resolve("docker/Dockerfile")).lines()
                .filter(line -> line.startsWith("ENV JAVA_OPTS=")).findFirst().orElse("");
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static boolean emptyDirMountedAt(Deployment deployment, String path) {
        List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
        List<VolumeMount> mounts = K8s.container(deployment).getVolumeMounts();
        return mounts.stream().filter(m -> m.getMountPath().equals(path) && !Boolean.TRUE.equals(m.getReadOnly()))
                .anyMatch(m -> volumes.stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
    }

    private static Duration preStopSleep(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return Duration.ZERO;
        }
        List<String> command = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(command).hasSize(2).first().isEqualTo("sleep");
        return Duration.ofSeconds(Long.parseLong(command.get(1)));
    }
}
