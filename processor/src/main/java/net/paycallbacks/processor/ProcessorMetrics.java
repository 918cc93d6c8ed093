package net.paycallbacks.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import net.paycallbacks.http.ServiceMeters;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.processor.callback.QuarantineReason;
import net.paycallbacks.processor.state.Transition;
import org.apache.kafka.streams.KafkaStreams;

import java.util.EnumMap;
import java.util.Map;

/**
 * The processor's Prometheus metrics. Counted as records are processed: a Kafka transaction that is
 * aborted and retried counts its records again, so these are for dashboards, the topics are the truth.
 */
public final class ProcessorMetrics implements AutoCloseable {

    private final ServiceMeters meters = new ServiceMeters();
    private final MeterRegistry registry = meters.registry();
    private final Map<EventType, Counter> events = new EnumMap<>(EventType.class);
    private final Map<Transition.Reason, Counter> ignored = new EnumMap<>(Transition.Reason.class);
    private final Map<QuarantineReason, Counter> quarantined = new EnumMap<>(QuarantineReason.class);
    private final Counter corrections;

    public ProcessorMetrics() {
        for (EventType type : EventType.values()) {
            events.put(type, Counter.builder("ixopay_processor_events")
                    .description("Events published to transaction-events, by type")
                    .tag("type", type.wireName()).register(registry));
        }
        for (Transition.Reason reason : Transition.Reason.values()) {
            ignored.put(reason, Counter.builder("ixopay_processor_callbacks_ignored")
                    .description("Callbacks that changed nothing: duplicates and late (lower) statuses")
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        for (QuarantineReason reason : QuarantineReason.values()) {
            quarantined.put(reason, Counter.builder("ixopay_processor_quarantined")
                    .description("Records sent to ixopay-callbacks-dlq, by reason")
                    .tag("reason", reason.label()).register(registry));
        }
        corrections = Counter.builder("ixopay_processor_corrections")
                .description("Reconciliation or settlement corrections applied").register(registry);
    }

    public void bindStreams(KafkaStreams streams) {
        meters.bind(new KafkaStreamsMetrics(streams));
    }

    public void emitted(EventType type) {
        events.get(type).increment();
        if (type == EventType.CORRECTED) {
            corrections.increment();
        }
    }

    public void ignored(Transition.Reason reason) {
        ignored.get(reason).increment();
    }

    public void quarantined(QuarantineReason reason) {
        quarantined.get(reason).increment();
    }

    public double count(String name, String tag, String value) {
        return meters.count(name, tag, value);
    }

    public String scrape() {
        return meters.scrape();
    }

    @Override
    public void close() {
        meters.close();
    }
}
