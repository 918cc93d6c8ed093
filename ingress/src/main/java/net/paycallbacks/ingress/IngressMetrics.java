package net.paycallbacks.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import net.paycallbacks.http.ServiceMeters;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The ingress's Prometheus metrics. Connector labels come only from configuration, never from requests. */
public final class IngressMetrics implements AutoCloseable {

    static final String UNKNOWN_CONNECTOR_LABEL = "unknown";

    private final ServiceMeters meters = new ServiceMeters();
    private final MeterRegistry registry = meters.registry();
    private final AtomicInteger inFlight = new AtomicInteger();
    // Registered up front (each series starts at 0) and looked up on every callback without building a key.
    private final Map<String, Map<Outcome, Counter>> countersByConnector = new HashMap<>();
    private final Map<Outcome, Counter> unknownConnectorCounters;
    private final Timer publishLatency;

    public IngressMetrics(Set<String> knownConnectors) {
        knownConnectors.forEach(connector -> countersByConnector.put(connector, counters(connector)));
        this.unknownConnectorCounters = counters(UNKNOWN_CONNECTOR_LABEL);
        registry.gauge("ixopay_callbacks_in_flight", inFlight);
        this.publishLatency = Timer.builder("ixopay_callback_publish")
                .description("Time from publishing a callback to the broker's acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public void bindProducer(Producer<?, ?> producer) {
        meters.bind(new KafkaClientMetrics(producer));
    }

    public void count(String connector, Outcome outcome) {
        Map<Outcome, Counter> counters = connector == null ? null : countersByConnector.get(connector);
        (counters == null ? unknownConnectorCounters : counters).get(outcome).increment();
    }

    private Map<Outcome, Counter> counters(String connectorLabel) {
        Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("ixopay_callbacks")
                    .description("Callbacks received, by connector and how they were answered")
                    .tag("connector", connectorLabel)
                    .tag("outcome", outcome.label())
                    .register(registry));
        }
        return counters;
    }

    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void publishFinished(Timer.Sample sample) {
        sample.stop(publishLatency);
    }

    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    public void requestFinished() {
        inFlight.decrementAndGet();
    }

    public String scrape() {
        return meters.scrape();
    }

    @Override
    public void close() {
        meters.close();
    }
}
