package net.paycallbacks.processor.stream;

import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.ProcessorMetrics;
import net.paycallbacks.processor.state.TransactionState;
import net.paycallbacks.processor.support.CallbackJson;
import net.paycallbacks.processor.support.EventSchema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;

/** The processor's topology without a broker: ordering, duplicates, corrections, follow-ups, quarantine. */
class CallbackTopologyTest {

    private static final String UUID = "d94c0d72f3a36e21f16e";
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-29T09:00:00Z");

    private ProcessorMetrics metrics;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> callbacks;
    private TestOutputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> deadLetters;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startTopology() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        metrics = new ProcessorMetrics();
        driver = new TopologyTestDriver(CallbackTopology.build(metrics), properties);
        callbacks = driver.createInputTopic(Topics.IXOPAY_CALLBACKS.name(), new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(Topics.TRANSACTION_EVENTS.name(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(Topics.IXOPAY_CALLBACKS_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
        metrics.close();
    }

    @Test
    void publishesOneEventPerChangeInOrderWithCloudEventHeaders() {
        send(UUID, callback(UUID, "PENDING"));
        send(UUID, callback(UUID, "OK"));

        List<TestRecord<String, byte[]>> published = readEvents();
        assertThat(published).extracting(TestRecord::key).containsExactly(UUID, UUID);
        TransactionEvent pending = EventJson.read(published.get(0).value());
        TransactionEvent succeeded = EventJson.read(published.get(1).value());
        assertThat(pending.type()).isEqualTo(EventType.PENDING);
        assertThat(succeeded.type()).isEqualTo(EventType.SUCCEEDED);
        assertThat(succeeded.transaction().version()).isEqualTo(2);
        assertThat(succeeded.transaction().previousStatus()).isEqualTo(TransactionStatus.PENDING);
        assertThat(succeeded.occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(succeeded.connector()).isEqualTo(CallbackJson.CONNECTOR);

        Headers headers = published.get(1).headers();
        assertThat(CloudEventHeaders.text(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventHeaders.text(headers, "ce_id")).isEqualTo(succeeded.eventId());
        assertThat(CloudEventHeaders.text(headers, "ce_type")).isEqualTo("transaction.succeeded");
        assertThat(CloudEventHeaders.text(headers, "ce_source")).isEqualTo("/ixopay/connectors/" + CallbackJson.CONNECTOR);
        assertThat(CloudEventHeaders.text(headers, "ce_subject")).isEqualTo(UUID);
        assertThat(CloudEventHeaders.text(headers, "ce_time")).isEqualTo("2026-11-29T09:00:00Z");
        assertThat(CloudEventHeaders.text(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void ignoresDuplicatesAndLateCallbacksAndCountsThem() {
        send(UUID, callback(UUID, "OK"));
        send(UUID, callback(UUID, "OK"));
        send(UUID, callback(UUID, "PENDING"));
        send(UUID, callback(UUID, "ERROR"));

        assertThat(readEvents()).hasSize(1);
        TransactionState state = store().get(UUID);
        assertThat(state.status()).isEqualTo(TransactionStatus.SUCCESS);
        assertThat(state.duplicatesIgnored()).isEqualTo(1);
        assertThat(state.lateIgnored()).isEqualTo(2);
        assertThat(metrics.count("ixopay_processor_callbacks_ignored", "reason", "duplicate")).isEqualTo(1);
        assertThat(metrics.count("ixopay_processor_callbacks_ignored", "reason", "late")).isEqualTo(2);
        assertThat(metrics.count("ixopay_processor_events", "type", "transaction.succeeded")).isEqualTo(1);
    }

    @Test
    void aCorrectionEmitsCorrectedEvenAgainstTheStatusOrder() {
        send(UUID, callback(UUID, "OK"));
        send(UUID, callback(UUID, "ERROR").correction("reconciliation").with("originalAmount", "49.90"));
        send(UUID, callback(UUID, "OK"));

        List<TransactionEvent> published = readEvents().stream().map(record -> EventJson.read(record.value())).toList();
        assertThat(published).extracting(TransactionEvent::type).containsExactly(EventType.SUCCEEDED, EventType.CORRECTED);
        assertThat(published.get(1).transaction().status()).isEqualTo(TransactionStatus.ERROR);
        assertThat(published.get(1).correction().source()).isEqualTo("reconciliation");
        assertThat(metrics.count("ixopay_processor_events", "type", "transaction.corrected")).isEqualTo(1);
        assertThat(metrics.scrape()).contains("ixopay_processor_corrections_total 1.0");
        assertThat(store().get(UUID).status()).isEqualTo(TransactionStatus.ERROR);
    }

    @Test
    void followUpsAreTheirOwnTransactionsPointingAtTheParent() {
        String refund = "refund00000000000001";
        send(UUID, callback(UUID, "OK").customer("zoe.unal@example.com", "Zoë", "Ünal"));
        send(refund, callback(refund, "OK").type("REFUND").with("referenceUuid", UUID).amount("10.00"));

        List<TransactionEvent> published = readEvents().stream().map(record -> EventJson.read(record.value())).toList();
        assertThat(published).hasSize(2);
        TransactionEvent refunded = published.get(1);
        assertThat(refunded.transaction().uuid()).isEqualTo(refund);
        assertThat(refunded.transaction().version()).isEqualTo(1);
        assertThat(refunded.transaction().parentUuid()).isEqualTo(UUID);
        assertThat(refunded.customer()).isNull();
        assertThat(store().get(UUID).version()).isEqualTo(1);
    }

    @Test
    void quarantinesWhatItCannotReadWithTheOriginalBytesAndHeadersAndGoesOn() {
        byte[] notJson = "<callback>legacy</callback>".getBytes(StandardCharsets.UTF_8);
        send(null, notJson);
        send("no-uuid", callback("x", "OK").with("uuid", null).bytes());
        send(UUID, callback(UUID, "REDIRECT").bytes());
        send("another-key", callback(UUID, "OK").bytes());
        send(null, callback(UUID, "OK").bytes());
        send(UUID, callback(UUID, "OK"));

        List<TestRecord<String, byte[]>> quarantined = deadLetters.readRecordsToList();
        assertThat(quarantined).extracting(record -> CloudEventHeaders.text(record.headers(), DeadLetterHeaders.REASON))
                .containsExactly("not-json", "no-uuid", "no-usable-result", "key-mismatch", "key-mismatch");
        TestRecord<String, byte[]> first = quarantined.getFirst();
        assertThat(first.value()).isEqualTo(notJson);
        assertThat(CloudEventHeaders.text(first.headers(), CallbackMetadata.X_SIGNATURE)).isEqualTo("c2lnbmF0dXJl");
        assertThat(CloudEventHeaders.text(first.headers(), QuarantineHeaders.SOURCE_TOPIC)).isEqualTo("ixopay-callbacks");
        assertThat(CloudEventHeaders.text(first.headers(), QuarantineHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(CloudEventHeaders.text(first.headers(), DeadLetterHeaders.DETAIL)).startsWith("not JSON");
        assertThat(quarantined.get(3).key()).isEqualTo("another-key");
        assertThat(metrics.count("ixopay_processor_quarantined", "reason", "key-mismatch")).isEqualTo(2);

        assertThat(readEvents()).hasSize(1);
    }

    @Test
    void aRecordWithoutIngressHeadersUsesTheRecordTimeAndAnUnknownConnector() {
        Instant written = Instant.parse("2026-11-28T23:59:59Z");
        callbacks.pipeInput(new TestRecord<>(UUID, callback(UUID, "OK").bytes(), new RecordHeaders(), written));

        TransactionEvent event = EventJson.read(readEvents().getFirst().value());
        assertThat(event.occurredAt()).isEqualTo(written);
        assertThat(event.connector()).isEqualTo("unknown");
    }

    @Test
    void everyKindOfEventMatchesTheSchemaIncludingOptionalParts() {
        String chargeback = "chargeback0000000001";
        send(UUID, callback(UUID, "PENDING").customer("zoe.unal@example.com", "Zoë", "Ünal"));
        send(UUID, callback(UUID, "ERROR").error("2005", "Transaction Expired").with("adapterCode", "E1"));
        send(UUID, callback(UUID, "OK"));
        send(UUID, callback(UUID, "OK").amount("39.90").correction("settlement"));
        send(chargeback, callback(chargeback, "OK").type("CHARGEBACK").with("chargebackData", Map.of(
                "originalUuid", UUID, "amount", "39.90", "currency", "EUR", "reason", "fraud")));

        // readEvents() checks every event against the schema.
        assertThat(readEvents()).hasSize(5);
    }

    @Test
    void theSchemaRejectsWhatTheContractForbids() {
        byte[] valid = callbackEventBytes();
        String json = new String(valid, StandardCharsets.UTF_8);

        assertThat(EventSchema.validate(valid).getValid()).isTrue();
        assertThat(EventSchema.validate(json.replace("\"49.90\"", "49.9").getBytes(StandardCharsets.UTF_8)).getValid())
                .as("an amount as a JSON number").isFalse();
        assertThat(EventSchema.validate(json.replace("\"SUCCESS\"", "\"PAID\"").getBytes(StandardCharsets.UTF_8)).getValid())
                .as("an unknown status").isFalse();
        assertThat(EventSchema.validate(json.replace("\"schemaVersion\":1", "\"schemaVersion\":2").getBytes(StandardCharsets.UTF_8)).getValid())
                .as("another schema version").isFalse();
        assertThat(EventSchema.undeclared(json.replace("\"status\":", "\"statusText\":\"x\",\"status\":").getBytes(StandardCharsets.UTF_8)))
                .as("a field the schema does not declare is found").containsExactly("transaction.statusText");
    }

    private byte[] callbackEventBytes() {
        send(UUID, callback(UUID, "OK"));
        return readEvents().getFirst().value();
    }

    private void send(String key, CallbackJson callback) {
        send(key, callback.bytes());
    }

    private void send(String key, byte[] body) {
        Headers headers = new CallbackMetadata(CallbackJson.CONNECTOR, RECEIVED_AT, "/callbacks/" + CallbackJson.CONNECTOR,
                "application/json; charset=utf-8", "Sun, 29 Nov 2026 09:00:00 UTC", "c2lnbmF0dXJl", SignatureVariant.SHA512)
                .toHeaders();
        callbacks.pipeInput(new TestRecord<>(key, body, headers, RECEIVED_AT));
    }

    /** Every published event, each checked against the JSON Schema. */
    private List<TestRecord<String, byte[]>> readEvents() {
        List<TestRecord<String, byte[]>> published = events.readRecordsToList();
        published.forEach(record -> EventSchema.assertValid(record.value()));
        return published;
    }

    private KeyValueStore<String, TransactionState> store() {
        return driver.getKeyValueStore(CallbackTopology.STORE);
    }
}
