package net.paycallbacks.ingress.kafka;

import io.vertx.core.Vertx;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.ingress.IngressMetrics;
import net.paycallbacks.ingress.http.IngressVerticle;
import net.paycallbacks.ingress.support.HttpAnswer;
import net.paycallbacks.ingress.support.IngressClient;
import net.paycallbacks.ingress.support.RunningIngress;
import net.paycallbacks.kafka.FreePorts;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net behind the producer's delivery timeout. A real producer always calls back, so the
 * fault it guards against (a producer that never does) takes Kafka's MockProducer, never completed.
 */
class UnansweredPublishTest {

    @Test
    void aCallbackWhosePublishIsNeverAnsweredGets503OnceThePublishTimeoutHasPassed() {
        Vertx vertx = Vertx.vertx();
        MockProducer<String, byte[]> silent = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        IngressConfig config = IngressConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9",
                "HTTP_PORT", Integer.toString(FreePorts.any()),
                "IXOPAY_SHARED_SECRETS", RunningIngress.CONNECTOR + ":" + RunningIngress.SECRET,
                IngressConfig.PUBLISH_TIMEOUT, "500")));
        try (IngressMetrics metrics = new IngressMetrics(config.secrets().connectors())) {
            IngressVerticle verticle = new IngressVerticle(config, CallbackPublisher.over(vertx, silent, config.publishTimeout()),
                    metrics, () -> true, Clock.systemUTC());
            vertx.deployVerticle(verticle).await();
            IngressClient http = new IngressClient(verticle.actualPort());
            long start = System.nanoTime();
            HttpAnswer answer = http.send(RunningIngress.callback());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(silent.history()).as("handed to the producer").hasSize(1);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).contains("retry");
            // The deadline passes after 500 ms and the sweep runs every 100 ms.
            assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(3));
            assertThat(metrics.scrape())
                    .contains("ixopay_callbacks_total{connector=\"shop-eu\",outcome=\"publish_failed\"} 1.0");
        } finally {
            vertx.close().await();
        }
    }
}
