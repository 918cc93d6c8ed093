package net.paycallbacks.local.bench;

import net.paycallbacks.common.Topics;
import net.paycallbacks.common.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For the processor benchmark's throughput phase: fills {@code ixopay-callbacks} as the ingress would
 * (PENDING, OK and a duplicate OK per transaction, with the ingress's headers, acks=all), first
 * WARMUP_TRANSACTIONS, then TRANSACTIONS, and times the processor from its readiness until a
 * read_committed consumer has seen every expected event (two per transaction; the duplicate must
 * produce none). The steady rate counts only the events after the warm-up's number of events was
 * seen, by when the processor's JIT compiler has done most of its work. Prints "filled" once the topic is full, so the
 * processor can be started, then "processor ready", "warmed up" and "reading done" at the edges of the
 * measured times; writes the results to OUT_FILE as name=value lines.
 * Args: BOOTSTRAP_SERVERS WARMUP_TRANSACTIONS TRANSACTIONS CONNECTOR SECRET READY_URL OUT_FILE.
 */
public final class BenchFill {

    private static final String[] RESULTS = {"PENDING", "OK", "OK"};
    private static final int EVENTS_PER_TRANSACTION = 2;
    /** A transaction's OK (and its duplicate) arrive after the other PENDINGs of its block, not back to back. */
    private static final int BLOCK = 10_000;
    // 2.1 million callbacks by default: over 3 minutes from a cold start on these machines.
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** After the last expected event, how long to keep reading for events that should not exist. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private BenchFill() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int warmupTransactions = Integer.parseInt(args[1]);
        int transactions = Integer.parseInt(args[2]);
        String connector = args[3];
        byte[] secret = args[4].getBytes(StandardCharsets.UTF_8);
        URI ready = URI.create(args[5]);
        Path out = Path.of(args[6]);

        long started = System.nanoTime();
        long bytes = fill(bootstrap, warmupTransactions, connector, secret) + fill(bootstrap, transactions, connector, secret);
        int allTransactions = warmupTransactions + transactions;
        System.out.printf("filled %d callbacks (%d MB) for %d transactions in %.1f s%n", allTransactions * RESULTS.length,
                bytes >> 20, allTransactions, seconds(System.nanoTime() - started));
        Drain drain = awaitEvents(bootstrap, (long) allTransactions * EVENTS_PER_TRANSACTION,
                (long) warmupTransactions * EVENTS_PER_TRANSACTION, ready);
        long callbacks = (long) allTransactions * RESULTS.length;
        double elapsed = seconds(drain.lastEventNanos - drain.readyNanos);
        double steadySeconds = seconds(drain.lastEventNanos - drain.warmedUpNanos);
        // Events after the cut; the poll that crossed the warm-up's count may have brought a few measured ones.
        long steadyEvents = drain.seen - drain.seenAtWarmUp;
        long steadyCallbacks = steadyEvents * RESULTS.length / EVENTS_PER_TRANSACTION;
        Files.writeString(out, """
                warmup_transactions=%d
                transactions=%d
                callbacks=%d
                steady_callbacks=%d
                expected_events=%d
                events_seen=%d
                distinct_event_ids=%d
                events_by_type=%s
                seconds=%.3f
                callbacks_per_s=%.0f
                steady_seconds=%.3f
                steady_callbacks_per_s=%.0f
                steady_events_per_s=%.0f
                """.formatted(warmupTransactions, transactions, callbacks, steadyCallbacks,
                drain.expected, drain.seen, drain.ids.size(), drain.byType, elapsed, callbacks / elapsed,
                steadySeconds, steadyCallbacks / steadySeconds, steadyEvents / steadySeconds));
        System.out.printf("processor: %d events of %d expected in %.2f s after ready: %.0f callbacks/s%n",
                drain.seen, drain.expected, elapsed, callbacks / elapsed);
        System.exit(drain.seen == drain.expected && drain.ids.size() == drain.expected ? 0 : 1);
    }

    /** Writes every callback, acks=all, and waits for all acknowledgements; returns the bytes of bodies written. */
    private static long fill(String bootstrap, int transactions, String connector, byte[] secret) {
        // Fresh uuids per call: the warm-up's transactions and the measured ones must not meet.
        String run = "f" + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xefffff));
        String path = "/callbacks/" + connector;
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong bytes = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // As fast as possible: the fill is not what is measured.
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                Topics.IXOPAY_CALLBACKS.keySerde().serializer(), Topics.IXOPAY_CALLBACKS.valueSerde().serializer())) {
            for (int block = 0; block < transactions; block += BLOCK) {
                for (int result = 0; result < RESULTS.length; result++) {
                    for (int i = block; i < Math.min(transactions, block + BLOCK); i++) {
                        Instant now = Instant.now();
                        SignedCallback callback = SignedCallback.of(SignedCallback.uuid(run, i), i, RESULTS[result], path, secret, now);
                        bytes.addAndGet(callback.body().length);
                        producer.send(new ProducerRecord<>(Topics.IXOPAY_CALLBACKS.name(), null, callback.uuid(),
                                callback.body(), callback.metadata(connector, path, now).toHeaders()), (metadata, e) -> {
                                    if (e != null) {
                                        failure.compareAndSet(null, e);
                                    }
                                });
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling the topic failed: " + failure.get());
        }
        return bytes.get();
    }

    /**
     * Waits for the processor's readiness, then reads events from the beginning until all expected are
     * seen, noting when the warm-up's share had been seen.
     */
    private static Drain awaitEvents(String bootstrap, long expected, long warmupEvents, URI ready) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = committedEventsConsumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSACTION_EVENTS.name(), Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Drain drain = new Drain(expected, awaitReady(ready));
            System.out.println("processor ready; reading transaction-events");
            long deadline = drain.readyNanos + PATIENCE.toNanos();
            while (drain.seen < warmupEvents && System.nanoTime() < deadline) {
                drain.count(consumer.poll(Duration.ofMillis(100)));
            }
            drain.warmedUpNanos = System.nanoTime();
            drain.seenAtWarmUp = drain.seen;
            System.out.println("warmed up");
            while (drain.seen < expected && System.nanoTime() < deadline) {
                drain.count(consumer.poll(Duration.ofMillis(100)));
            }
            System.out.println("reading done");
            long settled = System.nanoTime() + SETTLE.toNanos();
            while (System.nanoTime() < settled) {
                drain.countExtra(consumer.poll(Duration.ofMillis(100)));
            }
            return drain;
        }
    }

    static KafkaConsumer<String, byte[]> committedEventsConsumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // What a subscriber sees: only events whose Kafka transaction the processor committed.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                // A visible event should be seen within a few ms, not after the default 500 ms wait.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls a readiness URL; returns the moment it first answered 200. */
    static long awaitReady(URI ready) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return System.nanoTime();
                    }
                } catch (IOException notListeningYet) {
                    // The service's JVM is still starting.
                }
                Thread.sleep(20);
            }
            throw new IOException("the service did not become ready at " + ready + " within " + PATIENCE);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** What the consumer has seen so far. */
    private static final class Drain {
        final long expected;
        final long readyNanos;
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> byType = new TreeMap<>();
        long seen;
        long warmedUpNanos;
        long seenAtWarmUp;
        long lastEventNanos;

        Drain(long expected, long readyNanos) {
            this.expected = expected;
            this.readyNanos = readyNanos;
            this.lastEventNanos = readyNanos;
        }

        void count(Iterable<ConsumerRecord<String, byte[]>> events) {
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> event : events) {
                seen++;
                lastEventNanos = now;
                ids.add(CloudEventHeaders.text(event.headers(), CloudEventHeaders.ID));
                byType.merge(String.valueOf(CloudEventHeaders.text(event.headers(), CloudEventHeaders.TYPE)), 1L, Long::sum);
            }
        }

        /** Counts without moving the end of the measurement: anything here is an event too many. */
        void countExtra(Iterable<ConsumerRecord<String, byte[]>> events) {
            long end = lastEventNanos;
            count(events);
            lastEventNanos = end;
        }
    }
}
