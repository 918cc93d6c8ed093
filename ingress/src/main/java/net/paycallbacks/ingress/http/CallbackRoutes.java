package net.paycallbacks.ingress.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import net.paycallbacks.http.Answers;
import net.paycallbacks.ingress.ConnectorSecrets;
import net.paycallbacks.ingress.IngressMetrics;
import net.paycallbacks.ingress.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * {@code POST /callbacks/{connector}}: size, connector and media type are checked before the
 * signature; each refusal has its own status and publishes nothing.
 */
final class CallbackRoutes {

    static final String CONNECTOR_PARAM = "connector";
    private static final Logger LOG = LoggerFactory.getLogger(CallbackRoutes.class);
    private static final String JSON = "application/json";

    private final ConnectorSecrets secrets;
    private final IngressMetrics metrics;
    private final int maxBodyBytes;

    CallbackRoutes(ConnectorSecrets secrets, IngressMetrics metrics, int maxBodyBytes) {
        this.secrets = secrets;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    void mount(Router router, CallbackHandler callbackHandler) {
        // Every request's body is read (up to the limit) whatever its path or method, so no early 404
        // or 405 leaves an unread body on a keep-alive connection for the next request to trip over.
        router.route().order(-1).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.post("/callbacks/:" + CONNECTOR_PARAM)
                .handler(this::trackInFlight)
                .handler(this::requireKnownConnector)
                .handler(this::requireJson)
                .handler(callbackHandler);
        // A body over the limit is refused while only partly read: the client is asked to close the connection.
        router.errorHandler(413, ctx -> {
            if (isCallback(ctx)) {
                metrics.count(connectorOf(ctx), Outcome.TOO_LARGE);
                LOG.warn("Rejected callback with 413: body over {} bytes", maxBodyBytes);
            }
            Responses.askingToClose(ctx, 413, "body is larger than " + maxBodyBytes + " bytes");
        });
        router.errorHandler(405, ctx -> {
            ctx.response().putHeader(HttpHeaders.ALLOW, isCallback(ctx) ? "POST" : "GET");
            Answers.text(ctx, 405, "method not allowed: use " + (isCallback(ctx) ? "POST" : "GET"));
        });
        router.errorHandler(404, ctx -> Answers.text(ctx, 404, "not found"));
    }

    /** Whether the media type, before any parameters, is application/json in any case. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String mediaType = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return JSON.equals(mediaType.toLowerCase(Locale.ROOT));
    }

    private static boolean isCallback(RoutingContext ctx) {
        return ctx.request().path().startsWith("/callbacks/");
    }

    /** The connector named in the path; the route's parameter is not set when the route never matched. */
    private static String connectorOf(RoutingContext ctx) {
        String path = ctx.request().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void trackInFlight(RoutingContext ctx) {
        metrics.requestStarted();
        ctx.addEndHandler(done -> metrics.requestFinished());
        ctx.next();
    }

    private void requireKnownConnector(RoutingContext ctx) {
        String connector = ctx.pathParam(CONNECTOR_PARAM);
        // Only valid names are configured (ConnectorSecrets.parse checks them), so a lookup is the whole check.
        if (secrets.secretsFor(connector).isEmpty()) {
            metrics.count(connector, Outcome.UNKNOWN_CONNECTOR);
            // The name is not logged: it comes from an unauthenticated request.
            LOG.warn("Rejected callback with 404: unknown connector");
            Answers.text(ctx, 404, "unknown connector: no shared secret is configured for it");
            return;
        }
        ctx.next();
    }

    private void requireJson(RoutingContext ctx) {
        if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            metrics.count(ctx.pathParam(CONNECTOR_PARAM), Outcome.UNSUPPORTED_MEDIA_TYPE);
            LOG.warn("Rejected callback with 415: media type is not {}", JSON);
            Answers.text(ctx, 415, "Content-Type must be " + JSON);
            return;
        }
        ctx.next();
    }
}
