package net.paycallbacks.ingress.kafka;

import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Knows whether Kafka answered recently, by asking it for its cluster id every few seconds, and runs
 * a given task at each probe (the publisher's metadata refresh).
 */
public final class KafkaReadiness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaReadiness.class);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final Admin admin;
    // Null until the first probe answers, so that its outcome is logged either way.
    private final AtomicReference<Boolean> reachable = new AtomicReference<>();
    private final long timerId;
    private final Runnable onProbe;

    public KafkaReadiness(Vertx vertx, Properties kafka, Runnable onProbe) {
        this.vertx = vertx;
        this.onProbe = onProbe;
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "ixopay-ingress-readiness");
        this.admin = Admin.create(properties);
        probe();
        this.timerId = vertx.setPeriodic(PROBE_INTERVAL.toMillis(), id -> probe());
    }

    public boolean isReachable() {
        return Boolean.TRUE.equals(reachable.get());
    }

    private void probe() {
        onProbe.run();
        admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_INTERVAL.toMillis()))
                .clusterId()
                .whenComplete((clusterId, failure) -> {
                    boolean now = failure == null;
                    if (Boolean.valueOf(now).equals(reachable.getAndSet(now))) {
                        return;
                    }
                    if (now) {
                        LOG.info("Kafka is reachable");
                    } else {
                        LOG.warn("Kafka is not reachable: {}", failure.getMessage());
                    }
                });
    }

    @Override
    public void close() {
        vertx.cancelTimer(timerId);
        admin.close(Duration.ofSeconds(2));
    }
}
