package net.paycallbacks.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service's Prometheus registry, the same on every service: the JVM's meters (memory, GC,
 * threads, CPU) bound from the start, Kafka client meters closed with it, the text for {@code /metrics}.
 */
public final class ServiceMeters implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeWithRegistry = new CopyOnWriteArrayList<>();

    public ServiceMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Binds meters that hold on to a client (Kafka's producer or Streams metrics) until {@link #close()}. */
    public <B extends MeterBinder & AutoCloseable> void bind(B binder) {
        binder.bindTo(registry);
        closeWithRegistry.add(binder);
    }

    /** A counter's value, 0 if it was never registered: for tests and diagnostics. */
    public double count(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : closeWithRegistry) {
            try {
                binder.close();
            } catch (Exception alreadyClosed) {
                // Closing meters is best effort; the registry closes anyway.
            }
        }
        registry.close();
    }
}
