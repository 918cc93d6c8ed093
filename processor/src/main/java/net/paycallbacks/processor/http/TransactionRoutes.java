package net.paycallbacks.processor.http;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import net.paycallbacks.http.Answers;
import net.paycallbacks.processor.state.TransactionState;
import net.paycallbacks.processor.stream.CallbackTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /transactions/{uuid}} from the Kafka Streams store. The instance that owns the uuid's
 * partition answers; any other forwards the request to it once.
 */
public final class TransactionRoutes {

    /** Marks a forwarded query, so that a stale view of who owns what cannot make requests circle. */
    static final String FORWARDED = "X-Forwarded-By-Processor";
    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final long FORWARD_TIMEOUT_MS = 5_000;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient forwarder;

    public TransactionRoutes(KafkaStreams streams, HostInfo self, HttpClient forwarder) {
        this.streams = streams;
        this.self = self;
        this.forwarder = forwarder;
    }

    public void mount(Router router) {
        router.get("/transactions/:uuid").handler(this::query);
    }

    private void query(RoutingContext ctx) {
        String uuid = ctx.pathParam("uuid");
        if (!UUID.matcher(uuid).matches()) {
            Answers.text(ctx, 400, "not a transaction uuid");
            return;
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(CallbackTopology.STORE, uuid, Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            Answers.text(ctx, 503, "transactions are being reassigned between instances; retry shortly");
        } else if (self.equals(owner.activeHost())) {
            answerLocally(ctx, uuid, owner.partition());
        } else if (ctx.request().getHeader(FORWARDED) != null) {
            Answers.text(ctx, 503, "transaction owner changed while forwarding; retry shortly");
        } else {
            forward(ctx, owner.activeHost(), uuid);
        }
    }

    private void answerLocally(RoutingContext ctx, String uuid, int partition) {
        // A RocksDB read may touch the disk: off the event loop.
        ctx.vertx().executeBlocking(() -> lookUp(uuid, partition), false).onComplete(found -> {
            if (found.failed()) {
                Answers.text(ctx, 503, "transaction store not available (instance starting or rebalancing); retry shortly");
            } else if (found.result().isEmpty()) {
                Answers.text(ctx, 404, "no transaction with this uuid");
            } else {
                Answers.json(ctx, 200, TransactionView.of(found.result().get()).toJson());
            }
        });
    }

    /** Asks the one partition that owns the uuid: while it is still restoring this throws (503), never a false 404. */
    private Optional<TransactionState> lookUp(String uuid, int partition) throws InvalidStateStoreException {
        ReadOnlyKeyValueStore<String, TransactionState> store = streams.store(StoreQueryParameters.fromNameAndType(
                CallbackTopology.STORE, QueryableStoreTypes.<String, TransactionState>keyValueStore()).withPartition(partition));
        return Optional.ofNullable(store.get(uuid));
    }

    private void forward(RoutingContext ctx, HostInfo owner, String uuid) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(owner.host())
                .setPort(owner.port()).setURI("/transactions/" + uuid).putHeader(FORWARDED, self.toString())
                .setConnectTimeout(FORWARD_TIMEOUT_MS).setIdleTimeout(FORWARD_TIMEOUT_MS);
        forwarder.request(request)
                .compose(sent -> sent.send())
                .compose(response -> response.body().map(body -> new Relayed(response, body.toString())))
                .onSuccess(relayed -> {
                    String contentType = relayed.response.getHeader(HttpHeaders.CONTENT_TYPE);
                    if (contentType != null) {
                        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType);
                    }
                    ctx.response().setStatusCode(relayed.response.statusCode()).end(relayed.body);
                })
                .onFailure(failed -> Answers.text(ctx, 502, "the instance owning this transaction did not answer"));
    }

    private record Relayed(HttpClientResponse response, String body) {
    }
}
