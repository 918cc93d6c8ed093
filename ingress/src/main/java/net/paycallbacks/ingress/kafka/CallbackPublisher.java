package net.paycallbacks.ingress.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.KafkaClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes callbacks to {@code ixopay-callbacks}; a publish completes only once the broker acknowledged
 * it. Sends straight from the event loop, which is safe because the producer is told never to block
 * ({@code max.block.ms=0}): with no room in its buffer or no metadata it refuses at once, and the
 * caller answers 503.
 */
public final class CallbackPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackPublisher.class);

    private final Vertx vertx;
    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    private CallbackPublisher(Vertx vertx, Producer<String, byte[]> producer, Duration timeout) {
        this.vertx = vertx;
        this.producer = producer;
        this.timeout = timeout;
    }

    public static CallbackPublisher create(Vertx vertx, Properties fromEnvironment, Duration timeout) {
        return new CallbackPublisher(vertx, new KafkaProducer<>(producerProperties(fromEnvironment, timeout),
                Topics.IXOPAY_CALLBACKS.keySerde().serializer(),
                Topics.IXOPAY_CALLBACKS.valueSerde().serializer()), timeout);
    }

    /** Over a given producer: for tests of what the ingress does when the producer misbehaves. */
    static CallbackPublisher over(Vertx vertx, Producer<String, byte[]> producer, Duration timeout) {
        return new CallbackPublisher(vertx, producer, timeout);
    }

    static Properties producerProperties(Properties fromEnvironment, Duration timeout) {
        long timeoutMs = timeout.toMillis();
        Properties properties = KafkaClientConfig.layered(
                Map.of(
                        ProducerConfig.CLIENT_ID_CONFIG, "ixopay-ingress",
                        // Requests wait for the ack anyway; a few ms of linger batch concurrent callbacks,
                        // which costs the broker and the producer less per callback (see bench/).
                        ProducerConfig.LINGER_MS_CONFIG, 5),
                fromEnvironment,
                Map.of(
                        // The OK promises the callback survives a broker loss: all in-sync replicas, no duplicates on retry.
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        // Give up before the HTTP answer is due, so the answer is a clear 503 and IXOPAY retries.
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                        // send() runs on the event loop: it must fail fast rather than wait for buffer or metadata.
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 0));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long lingerMs = Long.parseLong(properties.getProperty(ProducerConfig.LINGER_MS_CONFIG));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1, timeoutMs - lingerMs)));
        return properties;
    }

    /**
     * Fetches the topic's metadata before traffic arrives, so that the first callbacks are not refused
     * for the lack of it. Blocks the calling thread (never an event loop) up to {@code patience}; if
     * Kafka is away the service starts anyway, answers 503, and sends pick the metadata up later.
     */
    public void awaitTopicMetadata(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                producer.partitionsFor(Topics.IXOPAY_CALLBACKS.name());
                return;
            } catch (KafkaException notYet) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("No metadata for topic {} yet ({}); callbacks get 503 until Kafka answers",
                            Topics.IXOPAY_CALLBACKS.name(), notYet.getMessage());
                    return;
                }
                // Each failed call has asked the producer to fetch the metadata; give it a moment.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /**
     * Marks the topic as in use and asks for its metadata if the producer has none, without waiting.
     * Called every few seconds: a producer forgets a topic left unused for {@code metadata.max.idle.ms}
     * (or all metadata after losing every broker), and with {@code max.block.ms=0} the next callback
     * would then be refused.
     */
    public void keepTopicMetadata() {
        try {
            producer.partitionsFor(Topics.IXOPAY_CALLBACKS.name());
        } catch (KafkaException notYet) {
            // The call itself has requested the metadata; the next publish or probe will find it.
        }
    }

    /**
     * Succeeds with the record's position once acknowledged by all in-sync replicas; fails when the
     * broker refused it, the producer had no room, or the producer's delivery timeout passed. Completes
     * on the caller's context. {@link PublishDeadlines} is the safety net should the producer never answer.
     */
    public Future<RecordMetadata> publish(Optional<String> key, byte[] body, CallbackMetadata metadata) {
        Context context = vertx.getOrCreateContext();
        Promise<RecordMetadata> stored = Promise.promise();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.IXOPAY_CALLBACKS.name(), null,
                key.orElse(null), body, metadata.toHeaders());
        try {
            producer.send(record, (position, failure) -> context.runOnContext(ignored -> {
                if (failure == null) {
                    stored.tryComplete(position);
                } else {
                    stored.tryFail(failure);
                }
            }));
        } catch (KafkaException refusedAtOnce) {
            stored.tryFail(refusedAtOnce);
        }
        return stored.future();
    }

    public Producer<String, byte[]> unwrap() {
        return producer;
    }

    /** Sends what is still buffered, then closes; blocks, so call it from a non-event-loop thread. */
    public void close() {
        producer.flush();
        producer.close(timeout);
    }
}
