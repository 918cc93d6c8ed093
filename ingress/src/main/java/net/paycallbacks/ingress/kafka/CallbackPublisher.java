package net.paycallbacks.ingress.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaWriteStream;
import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.KafkaClientConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Writes callbacks to {@code ixopay-callbacks}; a publish completes only once the broker acknowledged it. */
public final class CallbackPublisher {

    private final KafkaWriteStream<String, byte[]> producer;
    private final Duration timeout;

    private CallbackPublisher(KafkaWriteStream<String, byte[]> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    public static CallbackPublisher create(Vertx vertx, Properties fromEnvironment, Duration timeout) {
        Properties properties = producerProperties(fromEnvironment, timeout);
        return new CallbackPublisher(KafkaWriteStream.create(vertx, properties,
                Topics.IXOPAY_CALLBACKS.keySerde().serializer(),
                Topics.IXOPAY_CALLBACKS.valueSerde().serializer()), timeout);
    }

    static Properties producerProperties(Properties fromEnvironment, Duration timeout) {
        long timeoutMs = timeout.toMillis();
        return KafkaClientConfig.layered(
                Map.of(
                        ProducerConfig.CLIENT_ID_CONFIG, "ixopay-ingress",
                        // Requests wait for the ack anyway; a 1 ms linger batches concurrent callbacks cheaply.
                        ProducerConfig.LINGER_MS_CONFIG, 1),
                fromEnvironment,
                Map.of(
                        // The OK promises the callback survives a broker loss: all in-sync replicas, no duplicates on retry.
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        // Give up before the HTTP answer is due, so the answer is a clear 503 and IXOPAY retries.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs - 2,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs));
    }

    /**
     * Succeeds with the record's position once acknowledged by all in-sync replicas; fails when the
     * broker refused it or did not answer within the publish timeout.
     */
    public Future<RecordMetadata> publish(Optional<String> key, byte[] body, CallbackMetadata metadata) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.IXOPAY_CALLBACKS.name(), null,
                key.orElse(null), body, metadata.toHeaders());
        return producer.send(record).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Producer<String, byte[]> unwrap() {
        return producer.unwrap();
    }

    /** Sends what is still buffered, then closes. */
    public Future<Void> close() {
        return producer.flush().eventually(() -> producer.close(timeout.toMillis()));
    }
}
