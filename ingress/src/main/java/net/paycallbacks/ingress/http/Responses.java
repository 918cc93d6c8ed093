package net.paycallbacks.ingress.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Plain-text answers. IXOPAY counts a delivery as done only on status 200 with body {@code OK}. */
final class Responses {

    static final String OK = "OK";
    private static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    /** Answers and closes the connection: for refusals sent before the request body was read. */
    static void closing(RoutingContext ctx, int status, String body) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        text(ctx, status, body);
    }

    static void text(RoutingContext ctx, int status, String body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end(body);
    }
}
