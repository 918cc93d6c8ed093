package net.paycallbacks.ingress;

import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.common.Topics;
import net.paycallbacks.ingress.support.HttpAnswer;
import net.paycallbacks.ingress.support.IngressClient;
import net.paycallbacks.ingress.support.RunningIngress;
import net.paycallbacks.ingress.support.SignedCallback;
import net.paycallbacks.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static net.paycallbacks.ingress.support.RunningIngress.CONNECTOR;
import static net.paycallbacks.ingress.support.RunningIngress.ROTATED_SECRET;
import static net.paycallbacks.ingress.support.RunningIngress.SECRET;
import static net.paycallbacks.ingress.support.RunningIngress.newUuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ingress over real HTTP in front of a real Kafka broker. */
class IngressIntegrationTest {

    static RunningIngress ingress;
    static IngressClient http;
    static TopicProbe topic;

    @BeforeAll
    static void start() {
        ingress = RunningIngress.start(Map.of());
        http = ingress.client();
        topic = new TopicProbe(ingress.broker.bootstrapServers(), Topics.IXOPAY_CALLBACKS.name());
    }

    @AfterAll
    static void stop() {
        topic.close();
        ingress.close();
    }

    @Test
    void anAuthenticCallbackIsAnsweredOkAndStoredExactlyAsReceived() {
        // Given a validly signed callback with a query string in its URL
        String uuid = newUuid();
        SignedCallback callback = SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(uuid));
        topic.markEnd();
        Instant before = Instant.now();

        // When IXOPAY posts it
        HttpAnswer answer = http.send(callback);

        // Then the answer is 200 "OK", and the topic holds that body under the transaction's uuid
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("OK");
        assertThat(answer.contentType()).startsWith("text/plain");
        ConsumerRecord<byte[], byte[]> record = topic.readUntil(read -> !read.isEmpty(), Duration.ofSeconds(10)).getFirst();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(uuid);
        assertThat(record.value()).isEqualTo(callback.body());
        assertThat(headerNames(record)).containsExactlyInAnyOrder(CallbackMetadata.CONNECTOR, CallbackMetadata.RECEIVED_AT,
                CallbackMetadata.REQUEST_URI, CallbackMetadata.CONTENT_TYPE, CallbackMetadata.DATE,
                CallbackMetadata.X_SIGNATURE, CallbackMetadata.SIGNATURE_VARIANT);
        CallbackMetadata metadata = CallbackMetadata.fromHeaders(record.headers()).orElseThrow();
        assertThat(metadata.connector()).isEqualTo(CONNECTOR);
        assertThat(metadata.requestUri()).isEqualTo("/callbacks/" + CONNECTOR + "?order=42");
        assertThat(metadata.contentType()).isEqualTo(SignedCallback.CONTENT_TYPE);
        assertThat(metadata.date()).isEqualTo(SignedCallback.DATE);
        assertThat(metadata.signature()).isEqualTo(callback.header("X-Signature"));
        assertThat(metadata.signatureVariant()).isEqualTo(SignatureVariant.SHA512);
        assertThat(metadata.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void aCallbackSignedWithTheRotatedSecretOrTheLegacyMd5HashIsStoredWithItsVariant() {
        String uuid = newUuid();
        SignedCallback legacy = SignedCallback.signed("/callbacks/" + CONNECTOR, ROTATED_SECRET,
                SignedCallback.body(uuid).getBytes(StandardCharsets.UTF_8), SignatureVariant.MD5);
        topic.markEnd();

        assertThat(http.send(legacy).status()).isEqualTo(200);

        ConsumerRecord<byte[], byte[]> record = topic.readUntil(read -> !read.isEmpty(), Duration.ofSeconds(10)).getFirst();
        assertThat(CallbackMetadata.fromHeaders(record.headers()).orElseThrow().signatureVariant()).isEqualTo(SignatureVariant.MD5);
    }

    @Test
    void anAuthenticCallbackThatIsNotValidJsonIsStillStoredWithoutAKey() {
        // Given a signed body that no JSON parser accepts
        byte[] garbage = "{\"uuid\": oops, not json".getBytes(StandardCharsets.UTF_8);
        SignedCallback callback = SignedCallback.signed("/callbacks/" + CONNECTOR, SECRET, garbage, SignatureVariant.SHA512);
        topic.markEnd();

        // Then it is not dropped: OK, and stored byte for byte with a null key for the processor to quarantine
        assertThat(http.send(callback)).extracting(HttpAnswer::status, HttpAnswer::body).containsExactly(200, "OK");
        ConsumerRecord<byte[], byte[]> record = topic.readUntil(read -> !read.isEmpty(), Duration.ofSeconds(10)).getFirst();
        assertThat(record.key()).isNull();
        assertThat(record.value()).isEqualTo(garbage);
    }

    @Test
    void aCallbackDatedByXDateInsteadOfDateIsAccepted() {
        // Given a callback whose signed date travels in X-Date, IXOPAY's SDK's fallback
        SignedCallback signed = SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(newUuid()));
        SignedCallback withXDate = signed.withHeader("Date", null).withHeader("X-Date", SignedCallback.DATE);

        assertThat(http.send(withXDate).status()).isEqualTo(200);
    }

    @Test
    void aWrongMethodOnAnotherEndpointNamesTheMethodThatEndpointTakes() {
        SignedCallback postToMetrics = SignedCallback.signed(CONNECTOR, SECRET, "{}").withUri("/metrics");

        HttpAnswer answer = http.send(postToMetrics);

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body()).isEqualTo("method not allowed: use GET");
    }

    static Stream<Arguments> badInput() {
        SignedCallback valid = SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body("bad-input"));
        byte[] tooLarge = new byte[64 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) ' ');
        return Stream.of(
                Arguments.of("unknown connector", valid.withUri("/callbacks/nobody?order=42"), 404),
                Arguments.of("malformed connector name", valid.withUri("/callbacks/Shop_EU?order=42"), 404),
                Arguments.of("no signature", valid.withHeader("X-Signature", null), 401),
                Arguments.of("signature by another connector's secret",
                        SignedCallback.signed(CONNECTOR, "other-secret", SignedCallback.body("bad-input")), 401),
                Arguments.of("body changed after signing", valid.withBody(SignedCallback.body("bad-inpuT").getBytes(StandardCharsets.UTF_8)), 401),
                Arguments.of("query changed after signing", valid.withUri("/callbacks/" + CONNECTOR + "?order=43"), 401),
                Arguments.of("Date changed after signing", valid.withHeader("Date", "Mon, 01 Jan 2018 11:01:37 UTC"), 401),
                Arguments.of("no Date", valid.withHeader("Date", null), 401),
                Arguments.of("body over the limit", SignedCallback.signed("/callbacks/" + CONNECTOR, SECRET, tooLarge, SignatureVariant.SHA512), 413),
                Arguments.of("not JSON media type", valid.withHeader("Content-Type", "text/plain"), 415),
                Arguments.of("no media type", valid.withHeader("Content-Type", null), 415),
                Arguments.of("wrong method", valid.withMethod("PUT"), 405));
    }

    @ParameterizedTest(name = "{0} gives {2}")
    @MethodSource("badInput")
    void badInputGetsItsOwnStatusAndPublishesNothing(String description, SignedCallback bad, int expectedStatus) {
        // Given the topic's current end
        topic.markEnd();

        // When the bad request is sent, followed by a good one
        HttpAnswer answer = http.send(bad);
        String sentinel = newUuid();
        assertThat(http.send(SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(sentinel))).status()).isEqualTo(200);

        // Then the bad one got its status and a reason, and only the good one reached the topic
        assertThat(answer.status()).isEqualTo(expectedStatus);
        assertThat(answer.body()).isNotBlank().doesNotContain(SECRET).doesNotContain(ROTATED_SECRET);
        List<ConsumerRecord<byte[], byte[]>> published = topic.readToEnd(Duration.ofSeconds(10));
        assertThat(published).singleElement()
                .satisfies(record -> assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(sentinel));
    }

    static Stream<Arguments> refusalsThatKeepTheConnection() {
        SignedCallback valid = SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body("bad-input"));
        return Stream.of(
                Arguments.of("unknown connector", valid.withUri("/callbacks/nobody"), 404),
                Arguments.of("wrong path", valid.withUri("/nowhere"), 404),
                Arguments.of("wrong method", valid.withMethod("PUT"), 405),
                Arguments.of("wrong method on another endpoint", valid.withUri("/metrics"), 405),
                Arguments.of("not JSON media type", valid.withHeader("Content-Type", "text/plain"), 415),
                Arguments.of("wrong signature", valid.withHeader("X-Signature", "forged"), 401));
    }

    @ParameterizedTest(name = "{0} ({2}), then a callback on the same connection")
    @MethodSource("refusalsThatKeepTheConnection")
    void aRefusedRequestsBodyDoesNotSpoilTheNextRequestOnItsKeepAliveConnection(String description, SignedCallback bad,
                                                                               int expectedStatus) {
        String uuid = newUuid();
        topic.markEnd();

        List<HttpAnswer> answers = http.sendOnOneConnection(bad, SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(uuid)));

        // Whatever the refusal, its body does not spill into the next request on the connection
        assertThat(answers).extracting(HttpAnswer::status).containsExactly(expectedStatus, 200);
        assertThat(answers.get(1).body()).isEqualTo("OK");
        assertThat(topic.readToEnd(Duration.ofSeconds(10))).singleElement()
                .satisfies(record -> assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(uuid));
    }

    @Test
    void metricsCountCallbacksByConnectorAndOutcomeWithoutEchoingUnknownConnectorNames() {
        http.send(SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(newUuid())));
        http.send(SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body("x")).withHeader("X-Signature", "forged"));
        http.send(SignedCallback.signed("attacker-chosen-name", SECRET, SignedCallback.body("x")));
        http.send(SignedCallback.signed("/callbacks/" + CONNECTOR, SECRET, new byte[70_000], SignatureVariant.SHA512));
        http.send(SignedCallback.signed(CONNECTOR, SECRET, "{}").withHeader("Content-Type", "text/xml"));

        HttpAnswer metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"accepted\"} [1-9]")
                .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"bad_signature\"} [1-9]")
                .containsPattern("ixopay_callbacks_total\\{connector=\"unknown\",outcome=\"unknown_connector\"} [1-9]")
                .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"too_large\"} [1-9]")
                .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"unsupported_media_type\"} [1-9]")
                .contains("ixopay_callback_publish_seconds_bucket")
                .contains("ixopay_callbacks_in_flight")
                .contains("kafka_producer_")
                .doesNotContain("attacker-chosen-name");
    }

    @Test
    void healthEndpointsSayLiveAndReadyWhileKafkaIsUp() {
        assertThat(http.get("/health/live").status()).isEqualTo(200);
        // Readiness is probed in the background: it turns ready within a few seconds of start.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(
                () -> assertThat(http.get("/health/ready")).extracting(HttpAnswer::status, HttpAnswer::body).containsExactly(200, "ready"));
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return Arrays.stream(record.headers().toArray()).map(Header::key).toList();
    }
}
