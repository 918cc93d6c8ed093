package net.paycallbacks.processor.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Plain-text and JSON answers of the processor's HTTP port. */
final class Responses {

    private Responses() {
    }

    static void text(RoutingContext ctx, int status, String body) {
        send(ctx, status, "text/plain; charset=utf-8", body);
    }

    static void json(RoutingContext ctx, int status, String body) {
        send(ctx, status, "application/json", body);
    }

    private static void send(RoutingContext ctx, int status, String contentType, String body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
        }
    }
}
