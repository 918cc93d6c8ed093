package net.paycallbacks.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health/live}, {@code GET /health/ready} and {@code GET /metrics}, the same on every
 * service so that probes and scrapers are configured once.
 *
 * @param notReadyReason the body of a 503 from {@code /health/ready}: what the service waits for
 * @param scrape         the Prometheus text of the service's registry
 */
public record HealthRoutes(BooleanSupplier ready, String notReadyReason, Supplier<String> scrape) {

    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> Answers.text(ctx, 200, "live"));
        router.get("/health/ready").handler(ctx -> {
            boolean isReady = ready.getAsBoolean();
            Answers.text(ctx, isReady ? 200 : 503, isReady ? "ready" : notReadyReason);
        });
        // Scraping builds the text off the event loop: it walks every meter.
        router.get("/metrics").handler(ctx -> ctx.vertx().executeBlocking(scrape::get, false)
                .onSuccess(text -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail));
    }
}
