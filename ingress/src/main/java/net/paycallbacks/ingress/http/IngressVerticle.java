package net.paycallbacks.ingress.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import net.paycallbacks.http.HealthRoutes;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.ingress.IngressMetrics;
import net.paycallbacks.ingress.DateFreshness;
import net.paycallbacks.ingress.kafka.CallbackPublisher;
import net.paycallbacks.ingress.kafka.PublishDeadlines;
import net.paycallbacks.ingress.signature.SignatureVerifier;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One HTTP server instance per event loop, with its own publish deadlines; all share the publisher and the metrics. */
public final class IngressVerticle extends VerticleBase {

    private final IngressConfig config;
    private final CallbackPublisher publisher;
    private final IngressMetrics metrics;
    private final BooleanSupplier ready;
    private final Clock clock;
    private HttpServer server;
    private long sweepTimer;

    public IngressVerticle(IngressConfig config, CallbackPublisher publisher, IngressMetrics metrics,
                           BooleanSupplier ready, Clock clock) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.ready = ready;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        new HealthRoutes(ready, "not ready: Kafka unreachable or shutting down", metrics::scrape).mount(router);
        PublishDeadlines deadlines = new PublishDeadlines(config.publishTimeout());
        sweepTimer = vertx.setPeriodic(PublishDeadlines.SWEEP_INTERVAL.toMillis(), sweep -> deadlines.sweep());
        CallbackHandler callbacks = new CallbackHandler(config.secrets(),
                new SignatureVerifier(config.acceptLegacyMd5()),
                new DateFreshness(config.maxDateSkew(), clock), publisher, deadlines, metrics, clock);
        new CallbackRoutes(config.secrets(), metrics, config.maxBodyBytes()).mount(router, callbacks);
        server = vertx.createHttpServer(new HttpServerOptions().setPort(config.httpPort()));
        return server.requestHandler(router).listen();
    }

    /** Stops accepting connections and lets in-flight callbacks finish within the grace period. */
    @Override
    public Future<?> stop() {
        return server.shutdown(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
                .andThen(done -> vertx.cancelTimer(sweepTimer));
    }

    public int actualPort() {
        return server.actualPort();
    }
}
