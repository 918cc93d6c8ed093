package net.paycallbacks.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Plain-text and JSON answers, sent once: a request already answered or closed is left alone. */
public final class Answers {

    private Answers() {
    }

    public static void text(RoutingContext ctx, int status, String body) {
        send(ctx, status, "text/plain; charset=utf-8", body);
    }

    public static void json(RoutingContext ctx, int status, String body) {
        send(ctx, status, "application/json", body);
    }

    private static void send(RoutingContext ctx, int status, String contentType, String body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
        }
    }
}
