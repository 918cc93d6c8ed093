package net.paycallbacks.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import net.paycallbacks.http.ServiceMeters;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The ingress's Prometheus metrics. Connector labels come only from configuration, never from requests. */
public final class IngressMetrics implements AutoCloseable {

    static final String UNKNOWN_CONNECTOR_LABEL = "unknown";

    private final ServiceMeters meters = new ServiceMeters();
    private final MeterRegistry registry = meters.registry();
    private final Set<String> knownConnectors;
    private final AtomicInteger inFlight = new AtomicInteger();
    // Looked up on every callback: a map hit is cheaper than Micrometer's builder and registry lookup.
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer publishLatency;

    public IngressMetrics(Set<String> knownConnectors) {
        this.knownConnectors = Set.copyOf(knownConnectors);
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
        String label = connector != null && knownConnectors.contains(connector) ? connector : UNKNOWN_CONNECTOR_LABEL;
        counters.computeIfAbsent(label + '/' + outcome.label(), key -> Counter.builder("ixopay_callbacks")
                        .description("Callbacks received, by connector and how they were answered")
                        .tag("connector", label)
                        .tag("outcome", outcome.label())
                        .register(registry))
                .increment();
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
