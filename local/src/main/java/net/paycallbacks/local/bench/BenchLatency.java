package net.paycallbacks.local.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import net.paycallbacks.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * For the processor benchmark's latency phase: an open-loop load generator. Posts signed callbacks (one
 * OK per fresh transaction) to the ingress at a fixed rate, each at its wall-clock slot whether or not
 * earlier ones were answered (no coordinated omission), over a pool of keep-alive connections; records
 * when each was answered 200 OK, and, with a read_committed consumer in this JVM, when its event became
 * visible on {@code transaction-events}. The first WARMUP seconds are sent but not counted. Prints
 * "measuring" and "sent" at the edges of the measured window; writes the results to OUT_FILE as
 * name=value lines. Args: INGRESS_URL BOOTSTRAP_SERVERS CONNECTOR SECRET RATE WARMUP_S DURATION_S CONNECTIONS OUT_FILE.
 */
public final class BenchLatency {

    /**
     * A slot that comes while this many seconds' worth of callbacks are still unanswered is skipped and
     * counted, not queued: an overloaded system would otherwise make the queue, and the run, grow without end.
     */
    private static final int MAX_BACKLOG_SECONDS = 2;
    /** After the last answer, how long events may take to become visible before they count as missing. */
    private static final Duration EVENT_PATIENCE = Duration.ofSeconds(60);
    /** The ingress answers within its publish timeout (4 s by default); no answer after this is a failure. */
    private static final long ANSWER_TIMEOUT_MS = 10_000;

    private final HttpClientAgent client;
    private final String path;
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
    private final AtomicLongArray okNanos;
    private final AtomicLongArray visibleNanos;
    private final AtomicLong visible = new AtomicLong();
    private final CompletableFuture<Void> allAnswered = new CompletableFuture<>();
    private volatile boolean watching = true;
    // Touched only on the client's single event loop; read by main once allAnswered completed.
    private long start;
    private int due;
    private int inFlight;
    private int skipped; // in the measured window
    private int ok;
    private int non200;
    private int failed;
    private long maxLagNanos;
    private long firstMeasuredNanos;

    private BenchLatency(HttpClientAgent client, String connector, byte[] secret, int rate, int warmupSeconds, int durationSeconds) {
        this.client = client;
        this.path = "/callbacks/" + connector;
        this.secret = secret;
        this.rate = rate;
        this.warmup = rate * warmupSeconds;
        this.total = warmup + rate * durationSeconds;
        this.signatures = new String[total];
        this.okNanos = new AtomicLongArray(total);
        this.visibleNanos = new AtomicLongArray(total);
    }

    public static void main(String[] args) throws Exception {
        URI ingress = URI.create(args[0]);
        int rate = Integer.parseInt(args[4]);
        int connections = Integer.parseInt(args[7]);
        // One event loop: the machine is small and shared, one thread keeps up, and the counters need no locks.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientAgent client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setDefaultHost(ingress.getHost()).setDefaultPort(ingress.getPort()))
                .with(new PoolOptions().setHttp1MaxSize(connections))
                .build();
        BenchLatency bench = new BenchLatency(client, args[2], args[3].getBytes(StandardCharsets.UTF_8), rate,
                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
        try (KafkaConsumer<String, byte[]> consumer = BenchFill.committedEventsConsumer(args[1])) {
            bench.signAll();
            Thread watcher = bench.watchEvents(consumer);
            bench.prime(connections * 4).await(60, TimeUnit.SECONDS);
            bench.sendAll(vertx);
            bench.allAnswered.get(bench.total / rate + 180, TimeUnit.SECONDS);
            bench.awaitEvents();
            bench.watching = false;
            watcher.join();
        }
        vertx.close().await();
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

    /** Opens the connections and warms the code paths before the clock starts; these callbacks are not counted. */
    private Future<?> prime(int count) {
        String primer = runId("p");
        return Future.all(IntStream.range(0, count)
                .mapToObj(i -> post(SignedCallback.of(SignedCallback.uuid(primer, i), i, "OK", path, secret, Instant.now())))
                .toList());
    }

    /** Sends every callback at its slot, start + i / rate, checking every millisecond which slots are due. */
    private void sendAll(Vertx vertx) {
        vertx.runOnContext(begin -> {
            start = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                long now = System.nanoTime();
                long dueNow = Math.min(total, (now - start) * rate / 1_000_000_000L + 1);
                while (due < dueNow) {
                    slot(due++, now);
                }
                if (due == total) {
                    vertx.cancelTimer(timer);
                    System.out.println("sent");
                    completeIfAnswered();
                }
            });
        });
    }

    private void slot(int i, long now) {
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
        post(callback(i)).onComplete(answer -> answered(i, answer));
        signatures[i] = null; // sent: its memory may go
    }

    /** Callback i as it was signed. */
    private SignedCallback callback(int i) {
        String uuid = SignedCallback.uuid(run, i);
        return new SignedCallback(uuid, SignedCallback.body(uuid, i, "OK"), date, signatures[i]);
    }

    private Future<Integer> post(SignedCallback callback) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setIdleTimeout(ANSWER_TIMEOUT_MS)
                .putHeader("Content-Type", SignedCallback.CONTENT_TYPE)
                .putHeader("Date", callback.date())
                .putHeader("X-Signature", callback.signature());
        return client.request(request)
                .compose(req -> req.send(Buffer.buffer(callback.body())))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private void answered(int i, AsyncResult<Integer> answer) {
        if (answer.succeeded() && answer.result() == 200) {
            okNanos.set(i, System.nanoTime());
            ok++;
        } else if (answer.succeeded()) {
            non200++;
        } else {
            failed++;
        }
        inFlight--;
        completeIfAnswered();
    }

    private void completeIfAnswered() {
        if (due == total && inFlight == 0) {
            allAnswered.complete(null);
        }
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
            long okAt = okNanos.get(i);
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
                if (okNanos.get(i) != 0) {
                    endToEnd[count++] = visibleNanos.get(i) == 0 ? Long.MAX_VALUE : visibleNanos.get(i) - okNanos.get(i);
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
