package net.paycallbacks.processor.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import net.paycallbacks.processor.ProcessorMetrics;

import java.util.function.BooleanSupplier;

/** Liveness, readiness (only while Kafka Streams is RUNNING) and Prometheus metrics. */
public final class HealthRoutes {

    private final BooleanSupplier ready;
    private final ProcessorMetrics metrics;

    public HealthRoutes(BooleanSupplier ready, ProcessorMetrics metrics) {
        this.ready = ready;
        this.metrics = metrics;
    }

    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> Responses.text(ctx, 200, "live"));
        router.get("/health/ready").handler(ctx -> {
            boolean isReady = ready.getAsBoolean();
            Responses.text(ctx, isReady ? 200 : 503, isReady ? "ready" : "not ready: Kafka Streams is not RUNNING");
        });
        router.get("/metrics").handler(ctx -> ctx.vertx().executeBlocking(metrics::scrape, false)
                .onSuccess(text -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail));
    }
}
