package net.paycallbacks.local.bench;

import net.paycallbacks.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * For the processor benchmark's latency phase: an open-loop load generator. Posts signed callbacks (one
 * OK per fresh transaction) to the ingress at a fixed rate, each at its wall-clock slot whether or not
 * earlier ones were answered (no coordinated omission), over a pool of keep-alive connections; records
 * when each was answered 200 OK, and, with a read_committed consumer in this JVM, when its event became
 * visible on {@code transaction-events}. The first WARMUP seconds are sent but not counted. HTTP goes
 * through {@link BareHttpClient} on the main thread, which also keeps the clock and the counters. Prints
 * "measuring" and "sent" at the edges of the measured window; writes the results to OUT_FILE as
 * name=value lines. Args: INGRESS_URL BOOTSTRAP_SERVERS CONNECTOR SECRET RATE WARMUP_S DURATION_S CONNECTIONS OUT_FILE.
 */
public final class BenchLatency implements BareHttpClient.Answers {

    /**
     * A slot that comes while this many seconds' worth of callbacks are still unanswered is skipped and
     * counted, not queued: an overloaded system would otherwise make the queue, and the run, grow without end.
     */
    private static final int MAX_BACKLOG_SECONDS = 2;
    /** After the last answer, how long events may take to become visible before they count as missing. */
    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(60);
    /** Beyond the run's own length, how long the last answers may take before the run fails. */
    private static final Duration ANSWER_PATIENCE = Duration.ofSeconds(180);

    private final String path;
    private final String host;
    private final byte[] secret;
    private final String run = runId("l");
    private final int rate;
    private final int warmup;
    private final int total;
    /**
     * Only the signatures are kept from signing, and each body is built again when it is sent (about 1.5 µs):
     * the bodies of 5 million callbacks (21,000/s over 180 + 60 s) do not fit in a default heap.
     */
    private final String[] signatures;
    private String date; // the one Date header of all callbacks, set when they are signed
    private final String primerRun = runId("p");
    private final long[] okNanos;
    private final AtomicLongArray visibleNanos; // written by the events thread
    private final AtomicLong visible = new AtomicLong();
    private volatile boolean watching = true;
    // Touched only on the main thread, which sends, hears the answers and writes the results.
    private int primed;
    private String primerFailure;
    private long start;
    private int due;
    private int inFlight;
    private int skipped; // in the measured window
    private int ok;
    private int non200;
    private int failed;
    private long maxLagNanos;
    private long firstMeasuredNanos;

    private BenchLatency(URI ingress, String connector, byte[] secret, int rate, int warmupSeconds, int durationSeconds) {
        this.path = "/callbacks/" + connector;
        this.host = ingress.getHost() + ":" + ingress.getPort();
        this.secret = secret;
        this.rate = rate;
        this.warmup = rate * warmupSeconds;
        this.total = warmup + rate * durationSeconds;
        this.signatures = new String[total];
        this.okNanos = new long[total];
        this.visibleNanos = new AtomicLongArray(total);
    }

    public static void main(String[] args) throws Exception {
        URI ingress = URI.create(args[0]);
        int rate = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[7]);
        BenchLatency bench = new BenchLatency(ingress, args[2], args[3].getBytes(StandardCharsets.UTF_8), rate,
                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        try (KafkaConsumer<String, byte[]> consumer = BenchFill.committedEventsConsumer(args[1])) {
            bench.signAll();
            Thread watcher = bench.watchEvents(consumer);
            var address = new InetSocketAddress(ingress.getHost(), ingress.getPort());
            try (var client = new BareHttpClient(address, connections, bench::request, bench)) {
                bench.prime(client, connections * 4);
                bench.sendAll(client);
            }
            bench.awaitEvents();
            bench.watching = false;
            watcher.join();
        }
        String results = bench.results(connections);
        Files.writeString(Path.of(args[8]), results);
        Files.writeString(Path.of(args[8]).resolveSibling("latency-by-second.txt"), bench.bySecond());
        System.out.print(results);
    }

    /**
     * Signs every callback before the clock starts, so that the generator's CPU during the run goes to HTTP,
     * not to HMACs: it shares the cores with what it measures. All share one Date, as the ingress's check of
     * it is off by default.
     */
    private void signAll() {
        long began = System.nanoTime();
        Instant now = Instant.now();
        date = SignedCallback.ixopayDate(now);
        IntStream.range(0, total).parallel()
                .forEach(i -> signatures[i] = SignedCallback.of(SignedCallback.uuid(run, i), i, "OK", path, secret, now).signature());
        System.out.printf("signed %d callbacks in %.1f s%n", total, (System.nanoTime() - began) / 1e9);
    }

    /** Positions a consumer at the current end of the events, then reads on in a thread of its own. */
    private Thread watchEvents(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSACTION_EVENTS.name(), Duration.ofSeconds(30))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before the first callback is sent
        return Thread.ofPlatform().name("events").start(() -> {
            while (watching) {
                var events = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> event : events) {
                    long index = SignedCallback.index(run, event.key());
                    if (index >= 0 && visibleNanos.compareAndSet((int) index, 0, now)) {
                        visible.incrementAndGet();
                    }
                }
            }
        });
    }

    /**
     * Opens the connections and warms the code paths before the clock starts. These callbacks are numbered
     * from {@code total} on, signed as they are sent, and not counted.
     */
    private void prime(BareHttpClient client, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            client.send(total + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (primed < count && primerFailure == null && System.nanoTime() < deadline) {
            client.poll(10);
        }
        if (primed < count || primerFailure != null) {
            throw new IllegalStateException("the ingress did not answer the warm-up callbacks: "
                    + (primerFailure != null ? primerFailure : primed + " of " + count + " answered in 60 s"));
        }
    }

    /**
     * Sends every callback at its slot, start + i / rate, looking which slots are due whenever an answer
     * came or a millisecond passed, and returns when all were answered.
     */
    private void sendAll(BareHttpClient client) throws IOException {
        start = System.nanoTime();
        long deadline = slotNanos(total) + ANSWER_PATIENCE.toNanos();
        while (due < total || inFlight > 0) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(inFlight + " callbacks still unanswered " + ANSWER_PATIENCE + " after the last was due");
            }
            long dueNow = Math.min(total, (now - start) * rate / 1_000_000_000L + 1);
            while (due < dueNow) {
                slot(client, due++, now);
                if (due == total) {
                    System.out.println("sent");
                }
            }
            client.poll(1);
        }
    }

    private void slot(BareHttpClient client, int i, long now) {
        maxLagNanos = Math.max(maxLagNanos, now - slotNanos(i));
        if (i == warmup) {
            firstMeasuredNanos = now;
            System.out.println("measuring");
        }
        if (inFlight >= MAX_BACKLOG_SECONDS * rate) {
            skipped += i >= warmup ? 1 : 0;
            return;
        }
        inFlight++;
        client.send(i);
    }

    /** The bytes of request {@code i}: a counted callback as it was signed, or from {@code total} on a primer. */
    private byte[] request(int i) {
        if (i >= total) {
            int n = i - total;
            return post(SignedCallback.of(SignedCallback.uuid(primerRun, n), n, "OK", path, secret, Instant.now()));
        }
        String uuid = SignedCallback.uuid(run, i);
        byte[] request = post(new SignedCallback(uuid, SignedCallback.body(uuid, i, "OK"), date, signatures[i]));
        signatures[i] = null; // sent: its memory may go
        return request;
    }

    private byte[] post(SignedCallback callback) {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: " + SignedCallback.CONTENT_TYPE + "\r\n"
                + "Date: " + callback.date() + "\r\n"
                + "X-Signature: " + callback.signature() + "\r\n"
                + "Content-Length: " + callback.body().length + "\r\n\r\n";
        var request = new ByteArrayOutputStream(head.length() + callback.body().length);
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(callback.body());
        return request.toByteArray();
    }

    @Override
    public void answered(int i, int status) {
        if (i >= total) {
            primed++;
            if (status != 200 && primerFailure == null) {
                primerFailure = "a warm-up callback was answered " + status;
            }
            return;
        }
        if (status == 200) {
            okNanos[i] = System.nanoTime();
            ok++;
        } else {
            non200++;
        }
        inFlight--;
    }

    @Override
    public void failed(int i, String why) {
        if (i >= total) {
            primerFailure = why;
            return;
        }
        failed++;
        inFlight--;
    }

    private long slotNanos(int i) {
        return start + i * 1_000_000_000L / rate;
    }

    /** Until every OK'd callback's event is visible, or the patience ran out. */
    private void awaitEvents() throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_PATIENCE.toNanos();
        while (visible.get() < ok && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private String results(int connections) {
        int measured = total - warmup;
        long[] endToEnd = new long[measured];
        long[] answer = new long[measured];
        int answeredOk = 0;
        int matched = 0;
        long lastOk = 0;
        for (int i = warmup; i < total; i++) {
            long okAt = okNanos[i];
            if (okAt != 0) {
                answer[answeredOk] = okAt - slotNanos(i);
                // An event that never became visible counts as slower than any that did.
                endToEnd[answeredOk++] = visibleNanos.get(i) == 0 ? Long.MAX_VALUE : visibleNanos.get(i) - okAt;
                matched += visibleNanos.get(i) == 0 ? 0 : 1;
                lastOk = Math.max(lastOk, okAt);
            }
        }
        endToEnd = Arrays.copyOf(endToEnd, answeredOk);
        answer = Arrays.copyOf(answer, answeredOk);
        Arrays.sort(endToEnd);
        Arrays.sort(answer);
        return """
                target_rate=%d
                warmup_s=%d
                duration_s=%d
                connections=%d
                measured_slots=%d
                skipped=%d
                send_rate=%.0f
                ok_rate=%.0f
                max_send_lag_ms=%.1f
                ok=%d
                non_200=%d
                failed=%d
                events_matched=%d
                events_missing=%d
                e2e_p50_ms=%s
                e2e_p99_ms=%s
                e2e_max_ms=%s
                ok_p50_ms=%s
                ok_p99_ms=%s
                """.formatted(rate, warmup / rate, measured / rate, connections, measured, skipped,
                (measured - skipped) / (double) (measured / rate), answeredOk / ((lastOk - firstMeasuredNanos) / 1e9),
                maxLagNanos / 1e6, answeredOk, non200, failed, matched, answeredOk - matched,
                percentileMs(endToEnd, 0.50), percentileMs(endToEnd, 0.99), percentileMs(endToEnd, 1.0),
                percentileMs(answer, 0.50), percentileMs(answer, 0.99));
    }

    /** For finding stalls: per measured second of send slots, the callbacks answered OK and their end-to-end p50/p99/max. */
    private String bySecond() {
        StringBuilder table = new StringBuilder("second ok e2e_p50_ms e2e_p99_ms e2e_max_ms\n");
        for (int second = 0; warmup + second * rate < total; second++) {
            long[] endToEnd = new long[rate];
            int count = 0;
            for (int i = warmup + second * rate; i < Math.min(total, warmup + (second + 1) * rate); i++) {
                if (okNanos[i] != 0) {
                    endToEnd[count++] = visibleNanos.get(i) == 0 ? Long.MAX_VALUE : visibleNanos.get(i) - okNanos[i];
                }
            }
            long[] sorted = Arrays.copyOf(endToEnd, count);
            Arrays.sort(sorted);
            table.append("%d %d %s %s %s%n".formatted(second, count, percentileMs(sorted, 0.5), percentileMs(sorted, 0.99),
                    percentileMs(sorted, 1.0)));
        }
        return table.toString();
    }

    private static String percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return "n/a";
        }
        long value = sortedNanos[Math.max(0, (int) Math.ceil(p * sortedNanos.length) - 1)];
        return value == Long.MAX_VALUE ? ">" + EVENT_PATIENCE.toMillis() : "%.1f".formatted(value / 1e6);
    }

    private static String runId(String letter) {
        return letter + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xefffff));
    }
}
