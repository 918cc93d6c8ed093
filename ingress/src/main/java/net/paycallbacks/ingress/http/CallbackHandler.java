package net.paycallbacks.ingress.http;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.http.Answers;
import net.paycallbacks.ingress.CallbackUuid;
import net.paycallbacks.ingress.ConnectorSecrets;
import net.paycallbacks.ingress.DateFreshness;
import net.paycallbacks.ingress.IngressMetrics;
import net.paycallbacks.ingress.Outcome;
import net.paycallbacks.ingress.kafka.CallbackPublisher;
import net.paycallbacks.ingress.kafka.PublishDeadlines;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates a callback whose connector, media type and size were already checked, publishes it,
 * and answers {@code OK} only from the broker's acknowledgement.
 */
final class CallbackHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackHandler.class);
    private static final byte[] EMPTY = new byte[0];

    private final ConnectorSecrets secrets;
    private final SignatureVerifier verifier;
    private final DateFreshness freshness;
    private final CallbackPublisher publisher;
    private final PublishDeadlines deadlines;
    private final IngressMetrics metrics;
    private final Clock clock;

    CallbackHandler(ConnectorSecrets secrets, SignatureVerifier verifier, DateFreshness freshness,
                    CallbackPublisher publisher, PublishDeadlines deadlines, IngressMetrics metrics, Clock clock) {
        this.secrets = secrets;
        this.verifier = verifier;
        this.freshness = freshness;
        this.publisher = publisher;
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String connector = ctx.pathParam(CallbackRoutes.CONNECTOR_PARAM);
        byte[] body = ctx.body().buffer() == null ? EMPTY : ctx.body().buffer().getBytes();
        authenticate(ctx, connector, body)
                .ifPresent(metadata -> publish(ctx, CallbackUuid.of(body), body, metadata));
    }

    /** The callback's metadata if it is authentic and fresh enough; otherwise answers the refusal itself. */
    private Optional<CallbackMetadata> authenticate(RoutingContext ctx, String connector, byte[] body) {
        HttpServerRequest request = ctx.request();
        String signature = request.getHeader("X-Signature");
        String date = Optional.ofNullable(request.getHeader(HttpHeaders.DATE)).orElse(request.getHeader("X-Date"));
        if (signature == null || signature.isBlank() || date == null) {
            return reject(ctx, connector, Outcome.BAD_SIGNATURE,
                    signature == null || signature.isBlank() ? "missing X-Signature header" : "missing Date header (signed by IXOPAY)");
        }
        SignedRequest signed = new SignedRequest(request.method().name(), body,
                request.getHeader(HttpHeaders.CONTENT_TYPE), date, RequestTarget.of(request.uri()));
        Optional<SignatureVariant> variant = verifier.verify(signed, signature, secrets.secretsFor(connector).orElseThrow());
        if (variant.isEmpty()) {
            return reject(ctx, connector, Outcome.BAD_SIGNATURE,
                    "X-Signature does not match this connector's shared secret for this body, Content-Type, Date and URI");
        }
        if (!freshness.isFresh(date)) {
            return reject(ctx, connector, Outcome.STALE_DATE, "Date header is missing a valid date or outside the allowed clock skew");
        }
        return Optional.of(new CallbackMetadata(connector, clock.instant(), signed.requestTarget(),
                signed.contentType(), date, signature.trim(), variant.get()));
    }

    private void publish(RoutingContext ctx, Optional<String> uuid, byte[] body, CallbackMetadata metadata) {
        Timer.Sample sample = metrics.startPublish();
        deadlines.within(publisher.publish(uuid, body, metadata)).onComplete(stored -> {
            if (stored.succeeded()) {
                metrics.publishFinished(sample);
                metrics.count(metadata.connector(), Outcome.ACCEPTED);
                Answers.text(ctx, 200, Responses.OK);
                return;
            }
            metrics.count(metadata.connector(), Outcome.PUBLISH_FAILED);
            try (MDC.MDCCloseable ignored = MDC.putCloseable("uuid", uuid.orElse("-"))) {
                LOG.warn("Callback for connector {} not stored, answering 503 so IXOPAY retries: {}",
                        metadata.connector(), stored.cause().toString());
            }
            Answers.text(ctx, 503, "callback not stored (Kafka unavailable); please retry");
        });
    }

    private Optional<CallbackMetadata> reject(RoutingContext ctx, String connector, Outcome outcome, String reason) {
        metrics.count(connector, outcome);
        LOG.warn("Rejected callback for connector {} with {}: {}", connector, outcome.status(), reason);
        Answers.text(ctx, outcome.status(), reason);
        return Optional.empty();
    }
}
