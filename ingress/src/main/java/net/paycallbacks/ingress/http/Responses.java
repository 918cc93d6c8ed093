package net.paycallbacks.ingress.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import net.paycallbacks.http.Answers;

/** The ingress's own answers. IXOPAY counts a delivery as done only on status 200 with body {@code OK}. */
final class Responses {

    static final String OK = "OK";

    private Responses() {
    }

    /**
     * Answers with {@code Connection: close}, asking the client to close: for refusals sent before the whole
     * request body was read. Vert.x itself keeps the connection and discards the rest of the body.
     */
    static void askingToClose(RoutingContext ctx, int status, String body) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Answers.text(ctx, status, body);
    }
}
