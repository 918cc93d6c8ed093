package net.paycallbacks.ingress;

import net.paycallbacks.common.Topics;
import net.paycallbacks.ingress.support.HttpAnswer;
import net.paycallbacks.ingress.support.IngressClient;
import net.paycallbacks.ingress.support.RunningIngress;
import net.paycallbacks.ingress.support.SignedCallback;
import net.paycallbacks.kafka.TopicProbe;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

import static net.paycallbacks.ingress.support.RunningIngress.CONNECTOR;
import static net.paycallbacks.ingress.support.RunningIngress.SECRET;
import static net.paycallbacks.ingress.support.RunningIngress.callback;
import static net.paycallbacks.ingress.support.RunningIngress.newUuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What IXOPAY sees while Kafka is away, and while the ingress shuts down. */
class KafkaOutageIntegrationTest {

    @Test
    void whileKafkaIsDownCallbacksGet503InTimeAndOkAgainOnceItIsBackWithoutARestart() {
        try (RunningIngress ingress = RunningIngress.start(Map.of())) {
            IngressClient http = ingress.client();
            // Given an ingress that has stored callbacks
            assertThat(http.send(callback()).status()).isEqualTo(200);

            // When the broker goes away
            ingress.broker.stop();
            TimedAnswer refused = timedSend(http);

            // Then the callback is refused with 503, at once or at the latest after the 4 s publish
            // timeout plus a margin, well before IXOPAY gives up after 10 s; and readiness turns 503
            assertThat(refused.answer().status()).isEqualTo(503);
            assertThat(refused.answer().body()).contains("retry");
            assertThat(refused.took()).isLessThan(Duration.ofSeconds(5));
            assertThat(http.get("/metrics").body())
                    .containsPattern("ixopay_callbacks_total\\{connector=\"shop-eu\",outcome=\"publish_failed\"} 1");
            awaitTrue("readiness turns 503", () -> http.get("/health/ready").status() == 503);

            // When the broker comes back, then callbacks are OK again and stored, with no restart
            ingress.broker.restart();
            String uuid = newUuid();
            awaitTrue("a callback is accepted again", () -> http.send(callback(uuid)).status() == 200);
            awaitTrue("readiness turns 200", () -> http.get("/health/ready").status() == 200);
            try (TopicProbe topic = new TopicProbe(ingress.broker.bootstrapServers(), Topics.IXOPAY_CALLBACKS.name())) {
                topic.readUntilKey(uuid, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void whenKafkaIsSlowRatherThanGoneTheAnswerIs503OnceThePublishTimeoutRunsOut() {
        // Given a producer that keeps its metadata while the broker is away, so records wait for it
        try (RunningIngress ingress = RunningIngress.start(Map.of("KAFKA_METADATA_RECOVERY_STRATEGY", "none"))) {
            IngressClient http = ingress.client();
            assertThat(http.send(callback()).status()).isEqualTo(200);
            ingress.broker.stop();

            // When a callback arrives
            TimedAnswer refused = timedSend(http);

            // Then it waited for the 4 s publish timeout, not longer than IXOPAY's 10 s, and got 503
            assertThat(refused.answer().status()).isEqualTo(503);
            assertThat(refused.took()).isBetween(Duration.ofMillis(3_500), Duration.ofSeconds(10));
        }
    }

    @Test
    void aCallbackInFlightWhenShutdownStartsIsStillAnsweredOkAndStored() {
        // The producer keeps its metadata while the only broker is away (by default it re-bootstraps
        // and refuses at once), so the callback waits in flight for the broker's return.
        try (RunningIngress ingress = RunningIngress.start(Map.of(
                "PUBLISH_TIMEOUT", "8000", "KAFKA_METADATA_RECOVERY_STRATEGY", "none"))) {
            IngressClient http = ingress.client();
            assertThat(http.send(callback()).status()).isEqualTo(200);

            // Given a callback waiting for a broker that is away
            ingress.broker.stop();
            String uuid = newUuid();
            CompletableFuture<HttpAnswer> inFlight = CompletableFuture.supplyAsync(() -> http.send(callback(uuid)));
            awaitTrue("the callback is in flight", () -> http.get("/metrics").body().contains("ixopay_callbacks_in_flight 1.0"));

            // When the ingress is asked to stop, and the broker returns meanwhile
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(ingress.app::stop);
            awaitTrue("the ingress reports it is stopping", () -> !ingress.app.isReady());
            ingress.broker.restart();

            // Then the in-flight callback is answered OK and is in Kafka, and new connections are refused
            assertThat(inFlight.join()).extracting(HttpAnswer::status, HttpAnswer::body).containsExactly(200, "OK");
            stopping.join();
            try (TopicProbe topic = new TopicProbe(ingress.broker.bootstrapServers(), Topics.IXOPAY_CALLBACKS.name())) {
                topic.readUntilKey(uuid, Duration.ofSeconds(10));
            }
            assertThatThrownBy(() -> http.send(callback())).hasMessageContaining("Connection refused");
        }
    }

    record TimedAnswer(HttpAnswer answer, Duration took) {
    }

    private static TimedAnswer timedSend(IngressClient http) {
        long started = System.nanoTime();
        HttpAnswer answer = http.send(callback());
        return new TimedAnswer(answer, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
