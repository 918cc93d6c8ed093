package net.paycallbacks.ingress;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import net.paycallbacks.ingress.http.IngressVerticle;
import net.paycallbacks.ingress.kafka.CallbackPublisher;
import net.paycallbacks.ingress.kafka.KafkaReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The ingress wired together: Vert.x, the Kafka publisher, readiness, metrics and the HTTP servers. */
public final class IngressApp {

    private static final Logger LOG = LoggerFactory.getLogger(IngressApp.class);

    private final Vertx vertx;
    private final CallbackPublisher publisher;
    private final KafkaReadiness readiness;
    private final IngressMetrics metrics;
    private final List<IngressVerticle> verticles = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Duration shutdownGrace;
    private String deploymentId;

    private IngressApp(IngressConfig config) {
        this.shutdownGrace = config.shutdownGrace();
        this.vertx = Vertx.vertx();
        this.publisher = CallbackPublisher.create(vertx, config.kafka(), config.publishTimeout());
        this.readiness = new KafkaReadiness(vertx, config.kafka(), publisher::keepTopicMetadata);
        this.metrics = new IngressMetrics(config.secrets().connectors());
        metrics.bindProducer(publisher.unwrap());
    }

    /**
     * Starts the ingress and returns once it listens; blocks, so call it from a main or test thread.
     * If it cannot start (a port in use, say), whatever it had opened is closed again and it throws.
     */
    public static IngressApp start(IngressConfig config, Clock clock) {
        IngressApp app = new IngressApp(config);
        app.publisher.awaitTopicMetadata(Duration.ofSeconds(10));
        // One server per core: Vert.x spreads connections over the event loops sharing the port.
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            app.deploymentId = app.vertx.deployVerticle(() -> app.newVerticle(config, clock),
                    new DeploymentOptions().setInstances(instances)).await();
        } catch (RuntimeException startFailed) {
            LOG.error("Ingress could not start: {}", startFailed.toString());
            app.stop();
            throw startFailed;
        }
        LOG.info("Ingress listening on port {}", app.port());
        return app;
    }

    private IngressVerticle newVerticle(IngressConfig config, Clock clock) {
        IngressVerticle verticle = new IngressVerticle(config, publisher, metrics, this::isReady, clock);
        verticles.add(verticle);
        return verticle;
    }

    public int port() {
        return verticles.getFirst().actualPort();
    }

    public boolean isReady() {
        return !stopping.get() && readiness.isReachable();
    }

    /**
     * Graceful stop, blocking until done: not ready, no new connections, in-flight callbacks finish
     * within the grace period, the producer flushes, everything closes.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Ingress stopping: finishing in-flight callbacks");
        if (deploymentId != null) {
            awaitQuietly("HTTP servers", vertx.undeploy(deploymentId), shutdownGrace.plusSeconds(5));
        }
        try {
            publisher.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the Kafka producer did not finish cleanly: {}", e.toString());
        }
        readiness.close();
        metrics.close();
        awaitQuietly("Vert.x", vertx.close(), Duration.ofSeconds(10));
        LOG.info("Ingress stopped");
    }

    private static void awaitQuietly(String what, Future<?> step, Duration timeout) {
        try {
            step.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("Stopping {} did not finish cleanly: {}", what, e.toString());
        }
    }
}
