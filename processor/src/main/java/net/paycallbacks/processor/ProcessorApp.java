package net.paycallbacks.processor;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.Topics;
import net.paycallbacks.http.HealthRoutes;
import net.paycallbacks.processor.http.TransactionRoutes;
import net.paycallbacks.processor.stream.CallbackTopology;
import net.paycallbacks.streams.GuardedStreams;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The processor wired together: Kafka Streams, its store's query API, health and metrics over HTTP. */
public final class ProcessorApp {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final Vertx vertx = Vertx.vertx();
    private final ProcessorMetrics metrics = new ProcessorMetrics();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Duration shutdownGrace;
    private final Runnable onFatalError;
    private HttpServer server;
    private GuardedStreams streams;

    private ProcessorApp(ProcessorConfig config, Runnable onFatalError) {
        this.shutdownGrace = config.shutdownGrace();
        this.onFatalError = onFatalError;
    }

    /**
     * Starts listening, then starts Kafka Streams, and returns without waiting for it to be RUNNING
     * (readiness says when). {@code onFatalError} runs if Streams stops by itself after an error.
     */
    public static ProcessorApp start(ProcessorConfig config, Runnable onFatalError) {
        ProcessorApp app = new ProcessorApp(config, onFatalError);
        try {
            app.startHttpAndStreams(config);
        } catch (RuntimeException startFailed) {
            LOG.error("Processor could not start: {}", startFailed.toString());
            app.stop();
            throw startFailed;
        }
        return app;
    }

    private void startHttpAndStreams(ProcessorConfig config) {
        Router router = Router.router(vertx);
        // The port must be known before Streams starts: it is advertised to the other instances.
        server = vertx.createHttpServer().requestHandler(router).listen(config.httpPort()).await();
        HostInfo self = new HostInfo(config.advertisedHost(), server.actualPort());
        streams = new GuardedStreams(CallbackTopology.build(metrics), streamsProperties(config, self),
                config.rocksDbMemoryMib(), onFatalError);
        metrics.bindStreams(streams.streams());
        HttpClient forwarder = vertx.createHttpClient();
        new TransactionRoutes(streams.streams(), self, forwarder).mount(router);
        new HealthRoutes(this::isReady, "not ready: Kafka Streams is not RUNNING", metrics::scrape).mount(router);
        streams.start();
        LOG.info("Processor listening on port {}, advertised to other instances as {}", server.actualPort(), self);
    }

    static Properties streamsProperties(ProcessorConfig config, HostInfo self) {
        // Store update, event and consumed offset commit together (exactly_once_v2, enforced by GuardedStreams).
        return GuardedStreams.properties(
                Map.of(StreamsConfig.APPLICATION_ID_CONFIG, ProcessorConfig.DEFAULT_APPLICATION_ID,
                        StreamsConfig.NUM_STREAM_THREADS_CONFIG, defaultStreamThreads(),
                        // Batches close at each commit (every 100 ms) instead of every dozen records: far fewer
                        // produce requests, which cut the broker's CPU per callback by 40% (see bench/).
                        StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024),
                config.kafka(),
                Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port()));
    }

    /**
     * One stream thread per core, as the ingress has one event loop per core: a thread applies callbacks
     * on one core at most (see bench/). No more than {@code ixopay-callbacks} has partitions, as the
     * product creates it: a thread without a partition would only hold a producer and a consumer.
     */
    static int defaultStreamThreads() {
        return Math.clamp(Runtime.getRuntime().availableProcessors(), 1, TopicLayout.of(Topics.IXOPAY_CALLBACKS).partitions());
    }

    public int port() {
        return server.actualPort();
    }

    public boolean isReady() {
        return !stopping.get() && streams != null && streams.isRunning();
    }

    public KafkaStreams streams() {
        return streams.streams();
    }

    public ProcessorMetrics metrics() {
        return metrics;
    }

    /**
     * Graceful stop, blocking: not ready, Streams commits what it processed and leaves the consumer
     * group (so a restart gets its partitions at once, not after a session timeout), then HTTP closes.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Processor stopping");
        if (streams != null) {
            streams.close(shutdownGrace);
        }
        metrics.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Stopping Vert.x did not finish cleanly: {}", e.toString());
        }
        LOG.info("Processor stopped");
    }
}
