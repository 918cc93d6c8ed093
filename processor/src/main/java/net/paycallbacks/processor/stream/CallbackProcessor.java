package net.paycallbacks.processor.stream;

import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.processor.ProcessorMetrics;
import net.paycallbacks.processor.callback.CallbackParser;
import net.paycallbacks.processor.callback.ParsedCallback;
import net.paycallbacks.processor.callback.QuarantineReason;
import net.paycallbacks.processor.state.Delivery;
import net.paycallbacks.processor.state.TransactionState;
import net.paycallbacks.processor.state.TransactionStateMachine;
import net.paycallbacks.processor.state.Transition;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.Optional;

/** Applies each callback to its transaction's stored state; forwards events and dead letters. */
final class CallbackProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackProcessor.class);
    /** For records not written by the ingress (no headers): the event contract requires a connector. */
    static final String UNKNOWN_CONNECTOR = "unknown";

    private final TransactionStateMachine machine;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TransactionState> store;

    CallbackProcessor(TransactionStateMachine machine, ProcessorMetrics metrics) {
        this.machine = machine;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(CallbackTopology.STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ParsedCallback parsed = CallbackParser.parse(record.value());
        if (parsed instanceof ParsedCallback.Readable readable && !readable.callback().uuid().equals(record.key())) {
            // The store is partitioned by record key: a state kept under another key would be split across partitions.
            parsed = new ParsedCallback.Unreadable(QuarantineReason.KEY_MISMATCH,
                    record.key() == null ? "record has no key" : "record key is not the callback's uuid");
        }
        switch (parsed) {
            case ParsedCallback.Readable readable -> apply(record, readable);
            case ParsedCallback.Unreadable unreadable -> quarantine(record, unreadable);
        }
    }

    private void apply(Record<String, byte[]> record, ParsedCallback.Readable readable) {
        Optional<CallbackMetadata> metadata = CallbackMetadata.fromHeaders(record.headers());
        Delivery delivery = new Delivery(readable.callback(), readable.status(),
                metadata.map(CallbackMetadata::connector).orElse(UNKNOWN_CONNECTOR),
                metadata.map(CallbackMetadata::receivedAt).orElseGet(() -> Instant.ofEpochMilli(record.timestamp())));
        String uuid = record.key();
        Transition transition = machine.apply(store.get(uuid), delivery);
        store.put(uuid, transition.next());
        switch (transition) {
            case Transition.Changed changed -> {
                TransactionEvent event = changed.event();
                context.forward(new Record<String, Object>(uuid, event, record.timestamp(), CloudEventHeaders.of(event)),
                        CallbackTopology.EVENTS);
                metrics.emitted(event.type());
            }
            case Transition.Ignored ignored -> {
                metrics.ignored(ignored.reason());
                if (LOG.isDebugEnabled()) {
                    try (MDC.MDCCloseable ignoredUuid = MDC.putCloseable("uuid", uuid)) {
                        LOG.debug("Callback ignored as {} (status {}, transaction at {})",
                                ignored.reason(), readable.status(), ignored.next().status());
                    }
                }
            }
        }
    }

    private void quarantine(Record<String, byte[]> record, ParsedCallback.Unreadable unreadable) {
        var source = context.recordMetadata().orElseThrow();
        context.forward(record.withHeaders(QuarantineHeaders.of(record.headers(), unreadable, source,
                Instant.ofEpochMilli(context.currentSystemTimeMs()))), CallbackTopology.QUARANTINE);
        metrics.quarantined(unreadable.reason());
        LOG.warn("Quarantined record {}-{}@{} to {}: {}", source.topic(), source.partition(), source.offset(),
                "ixopay-callbacks-dlq", unreadable.reason().label());
    }
}
