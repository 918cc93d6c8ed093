package net.paycallbacks.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.ingress.IngressApp;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;
import net.paycallbacks.kafka.FreePorts;
import net.paycallbacks.kafka.TopicProbe;
import net.paycallbacks.processor.support.EventSchema;
import net.paycallbacks.processor.support.HttpGet;
import net.paycallbacks.processor.support.ProcessorProcess;
import net.paycallbacks.processor.support.SignedSender;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real chain: signed HTTP callbacks into the ingress, a real (in-process KRaft) broker, the
 * processor, and {@code transaction-events} read as a subscriber reads it, with read_committed.
 */
class ProcessorIntegrationTest {

    private static final String CONNECTOR = "shop-eu";
    private static final String SECRET = "integration-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not the default (128), nor Kafka Streams' own 50 MiB per store. */
    private static final long ROCKSDB_MEMORY_MIB = 48;

    private static EmbeddedKafkaBroker broker;
    private static IngressApp ingress;
    private static SignedSender sender;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startBrokerAndIngress() {
        broker = EmbeddedKafkaBroker.startScratch().createTopics(TopicLayout.all());
        ingress = IngressApp.start(IngressConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", "0",
                "IXOPAY_SHARED_SECRETS", CONNECTOR + ":" + SECRET))), Clock.systemUTC());
        sender = new SignedSender(ingress.port(), CONNECTOR, SECRET);
    }

    @AfterAll
    static void stopAll() {
        if (ingress != null) {
            ingress.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void callbacksThroughTheIngressBecomeOneEventPerChange() throws Exception {
        ProcessorApp processor = startInProcess("it-e2e");
        try (TopicProbe events = new TopicProbe(broker.bootstrapServers(), Topics.TRANSACTION_EVENTS.name()).markEnd();
             TopicProbe deadLetters = new TopicProbe(broker.bootstrapServers(), Topics.IXOPAY_CALLBACKS_DLQ.name()).markEnd()) {
            String debit = uuid("e2e-debit");
            String refund = uuid("e2e-refund");
            assertThat(sender.send(callback(debit, "PENDING").customer("zoe.unal@example.com", "Zoë", "Ünal").bytes())).isEqualTo(200);
            assertThat(sender.send(callback(debit, "OK").bytes())).isEqualTo(200);
            assertThat(sender.send(callback(debit, "OK").bytes())).as("duplicate").isEqualTo(200);
            assertThat(sender.send(callback(debit, "PENDING").bytes())).as("late").isEqualTo(200);
            assertThat(sender.send(callback(refund, "OK").type("REFUND").with("referenceUuid", debit).amount("10.00").bytes())).isEqualTo(200);
            assertThat(sender.send("not json, but signed".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);

            awaitState(processor.port(), debit, state -> state.get("duplicatesIgnored").asLong() == 1 && state.get("lateIgnored").asLong() == 1);
            List<TransactionEvent> published = settledEvents(events, read -> count(read, debit) >= 2 && count(read, refund) >= 1);

            assertThat(eventsOf(published, debit)).extracting(TransactionEvent::type).containsExactly(EventType.PENDING, EventType.SUCCEEDED);
            assertThat(eventsOf(published, debit).getFirst().customer().email()).isEqualTo("zoe.unal@example.com");
            assertThat(eventsOf(published, refund)).singleElement()
                    .satisfies(event -> assertThat(event.transaction().parentUuid()).isEqualTo(debit));

            JsonNode state = JSON.readTree(HttpGet.get(url(processor.port(), "/transactions/" + debit)).body());
            assertThat(state.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(state.get("version").asLong()).isEqualTo(2);
            assertThat(state.get("transactionType").asText()).isEqualTo("DEBIT");
            assertThat(state.get("amount").asText()).isEqualTo("49.90");
            assertThat(state.has("customer")).as("no personal data in the query API").isFalse();
            assertThat(HttpGet.get(url(processor.port(), "/transactions/unknown0000000000000")).statusCode()).isEqualTo(404);
            assertThat(HttpGet.get(url(processor.port(), "/transactions/bad%20uuid")).statusCode()).isEqualTo(400);

            List<ConsumerRecord<byte[], byte[]>> quarantined = deadLetters.readUntil(read -> !read.isEmpty(), PATIENCE);
            assertThat(new String(quarantined.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("not json, but signed");
            assertThat(new String(quarantined.getFirst().headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("not-json");

            assertThat(HttpGet.get(url(processor.port(), "/health/ready")).statusCode()).isEqualTo(200);
            String metrics = HttpGet.get(url(processor.port(), "/metrics")).body();
            assertThat(metrics).contains("ixopay_processor_events_total{type=\"transaction.succeeded\"}")
                    .contains("ixopay_processor_callbacks_ignored_total{reason=\"duplicate\"}")
                    .contains("ixopay_processor_quarantined_total{reason=\"not-json\"} 1.0")
                    .contains("kafka_stream");
            // From Streams itself: /metrics shows a store's gauges only after Micrometer's next refresh (a minute).
            assertThat(processor.streams().metrics().values().stream()
                    .filter(metric -> metric.metricName().name().equals("block-cache-capacity"))
                    .map(metric -> ((Number) metric.metricValue()).longValue()))
                    .as("every store's cache is the one budget of ROCKSDB_MEMORY_MIB").isNotEmpty()
                    .allMatch(capacity -> capacity == ROCKSDB_MEMORY_MIB << 20);
        } finally {
            processor.stop();
        }
        assertThat(processor.isReady()).isFalse();
    }

    @Test
    void aProcessorKilledMidStreamAndRestartedPublishesExactlyOneEventPerChange() throws Exception {
        Map<String, String> environment = environment("it-kill");
        // A killed instance never leaves the group; its replacement waits this long for its partitions.
        environment.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        // Kept after the run for whoever investigates a failure.
        Path log = Path.of("target", "processor-killed-and-restarted.log");
        int port = FreePorts.any();
        List<String> transactions = IntStream.range(0, 400).mapToObj(i -> uuid("kill-" + i)).toList();
        try (TopicProbe events = new TopicProbe(broker.bootstrapServers(), Topics.TRANSACTION_EVENTS.name()).markEnd()) {
            ProcessorProcess first = ProcessorProcess.start(environment, port, log).awaitReady(PATIENCE);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Thread stream = Thread.ofPlatform().start(() -> transactions.forEach(uuid -> {
                for (String result : List.of("PENDING", "OK", "OK")) {
                    if (sender.send(callback(uuid, result).bytes()) != 200) {
                        refused.incrementAndGet();
                    }
                }
                sent.incrementAndGet();
            }));
            List<ConsumerRecord<byte[], byte[]>> beforeTheKill = events.readUntil(read -> read.size() >= 150, PATIENCE);
            assertThat(sent.get()).as("killed while callbacks are still coming in").isLessThan(transactions.size());
            first.kill();

            ProcessorProcess second = ProcessorProcess.start(environment, port, log).awaitReady(PATIENCE);
            try {
                stream.join(PATIENCE);
                assertThat(sent.get()).isEqualTo(transactions.size());
                assertThat(refused.get()).as("callbacks the ingress refused").isZero();
                Set<String> keys = new HashSet<>(transactions);
                long expected = 2L * transactions.size() - beforeTheKill.size();
                List<TransactionEvent> published = new java.util.ArrayList<>(beforeTheKill.stream()
                        .map(record -> EventJson.read(record.value())).toList());
                published.addAll(settledEvents(events, read -> read.stream()
                        .filter(record -> keys.contains(key(record))).count() >= expected));

                Map<String, List<TransactionEvent>> byTransaction = published.stream()
                        .filter(event -> keys.contains(event.transaction().uuid()))
                        .collect(Collectors.groupingBy(event -> event.transaction().uuid()));
                assertThat(byTransaction).hasSize(transactions.size());
                byTransaction.forEach((uuid, changes) -> assertThat(changes)
                        .as("events of %s", uuid)
                        .extracting(event -> event.transaction().version(), TransactionEvent::type)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, EventType.PENDING),
                                org.assertj.core.groups.Tuple.tuple(2L, EventType.SUCCEEDED)));
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void rewindingTheConsumerGroupToTheStartPublishesNoNewEvent() throws Exception {
        String applicationId = "it-rewind";
        List<String> transactions = IntStream.range(0, 30).mapToObj(i -> uuid("rewind-" + i)).toList();
        Set<String> keys = new HashSet<>(transactions);
        ProcessorApp processor = startInProcess(applicationId);
        try (TopicProbe events = new TopicProbe(broker.bootstrapServers(), Topics.TRANSACTION_EVENTS.name()).markEnd()) {
            for (String uuid : transactions) {
                assertThat(sender.send(callback(uuid, "PENDING").bytes())).isEqualTo(200);
                assertThat(sender.send(callback(uuid, "OK").bytes())).isEqualTo(200);
            }
            events.readUntil(read -> read.stream().filter(record -> keys.contains(key(record))).count() >= 2L * transactions.size(), PATIENCE);
            awaitCaughtUp(applicationId);
            processor.stop();

            // Only possible in an empty group: the stopped processor must have left it (the session timeout is 45 s).
            rewindToEarliest(applicationId);
            events.markEnd();
            processor = startInProcess(applicationId);
            awaitState(processor.port(), transactions.getFirst(), state -> state.get("lateIgnored").asLong() == 1
                    && state.get("duplicatesIgnored").asLong() == 1);
            awaitCaughtUp(applicationId);

            assertThat(settledEvents(events, read -> true)).as("events after the rewind").isEmpty();
            assertThat(JSON.readTree(HttpGet.get(url(processor.port(), "/transactions/" + transactions.getLast())).body())
                    .get("version").asLong()).isEqualTo(2);
        } finally {
            processor.stop();
        }
    }

    @Test
    void eitherOfTwoInstancesAnswersForEveryTransactionForwardingToTheOwner() throws Exception {
        String applicationId = "it-two";
        ProcessorApp first = startInProcess(applicationId, "first");
        ProcessorApp second = startInProcess(applicationId, "second");
        try {
            await().atMost(PATIENCE).until(() -> first.isReady() && second.isReady());
            List<String> transactions = IntStream.range(0, 12).mapToObj(i -> uuid("two-" + i)).toList();
            for (String uuid : transactions) {
                assertThat(sender.send(callback(uuid, "OK").bytes())).isEqualTo(200);
            }
            for (String uuid : transactions) {
                awaitState(first.port(), uuid, state -> state.get("status").asText().equals("SUCCESS"));
                awaitState(second.port(), uuid, state -> state.get("status").asText().equals("SUCCESS"));
            }

            Map<Integer, Long> owners = transactions.stream().collect(Collectors.groupingBy(uuid -> first.streams()
                    .queryMetadataForKey("transactions", uuid, org.apache.kafka.common.serialization.Serdes.String().serializer())
                    .activeHost().port(), Collectors.counting()));
            assertThat(owners.keySet()).as("each instance owns some of the transactions, so both forwarded")
                    .containsExactlyInAnyOrder(first.port(), second.port());
        } finally {
            first.stop();
            second.stop();
        }
    }

    private ProcessorApp startInProcess(String applicationId) {
        return startInProcess(applicationId, "only");
    }

    private ProcessorApp startInProcess(String applicationId, String instance) {
        Map<String, String> environment = environment(applicationId);
        environment.put("KAFKA_STATE_DIR", workDir.resolve("state-" + applicationId + "-" + instance).toString());
        environment.put("HTTP_ADVERTISED_HOST", "127.0.0.1");
        ProcessorApp app = ProcessorApp.start(ProcessorConfig.from(new Env(environment)), () -> { });
        await().atMost(PATIENCE).until(app::isReady);
        return app;
    }

    private Map<String, String> environment(String applicationId) {
        Map<String, String> environment = new HashMap<>(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", "0",
                "KAFKA_APPLICATION_ID", applicationId,
                "KAFKA_STATE_DIR", workDir.resolve("state-" + applicationId).toString(),
                "ROCKSDB_MEMORY_MIB", String.valueOf(ROCKSDB_MEMORY_MIB)));
        return environment;
    }

    /** Reads until {@code enough}, then a little longer, so that a wrong extra event would be seen too. */
    private static List<TransactionEvent> settledEvents(TopicProbe events, java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        List<ConsumerRecord<byte[], byte[]>> read = new java.util.ArrayList<>(events.readUntil(enough, PATIENCE));
        long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        read.addAll(events.readUntil(ignored -> System.nanoTime() > quietUntil, PATIENCE));
        read.forEach(record -> EventSchema.assertValid(record.value()));
        return read.stream().map(record -> EventJson.read(record.value())).toList();
    }

    private void awaitState(int port, String uuid, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> answer = HttpGet.get(url(port, "/transactions/" + uuid));
            return answer.statusCode() == 200 && condition.test(JSON.readTree(answer.body()));
        });
    }

    /** Waits until the processor's committed offsets reach the end of every partition of the callbacks. */
    private void awaitCaughtUp(String applicationId) {
        try (Admin admin = admin()) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> ends = endOffsets(admin);
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    private void rewindToEarliest(String applicationId) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = endOffsets(admin).keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(applicationId, start).all().get();
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 6).boxed().collect(Collectors.toMap(
                partition -> new TopicPartition(Topics.IXOPAY_CALLBACKS.name(), partition), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static List<TransactionEvent> eventsOf(List<TransactionEvent> events, String uuid) {
        return events.stream().filter(event -> event.transaction().uuid().equals(uuid)).toList();
    }

    private static long count(List<ConsumerRecord<byte[], byte[]>> read, String uuid) {
        return read.stream().filter(record -> uuid.equals(key(record))).count();
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String uuid(String label) {
        return label + "-" + Long.toHexString(System.nanoTime());
    }
}
