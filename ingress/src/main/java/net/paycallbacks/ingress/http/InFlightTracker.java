package net.paycallbacks.ingress.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import net.paycallbacks.ingress.IngressMetrics;

/** Counts callbacks between arrival and answer; a platform handler so it may run before the body is read. */
final class InFlightTracker implements PlatformHandler {

    private final IngressMetrics metrics;

    InFlightTracker(IngressMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        metrics.requestStarted();
        ctx.addEndHandler(done -> metrics.requestFinished());
        ctx.next();
    }
}
