package net.paycallbacks.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import net.paycallbacks.http.ServiceMeters;
import net.paycallbacks.notifier.email.EmailKind;
import org.apache.kafka.streams.KafkaStreams;

import java.util.EnumMap;
import java.util.Map;

/**
 * The notifier's Prometheus metrics. Counted as records are processed: a Kafka transaction that is
 * aborted and retried counts again, so these are for dashboards; the stores and the DLQ are the truth.
 */
public final class NotifierMetrics implements AutoCloseable {

    public static final String SENT = "ixopay_notifier_emails_sent";
    public static final String SKIPPED = "ixopay_notifier_emails_skipped";
    public static final String FAILED_ATTEMPTS = "ixopay_notifier_send_failures";
    public static final String DEAD_LETTERED = "ixopay_notifier_dead_lettered";

    private final ServiceMeters meters = new ServiceMeters();
    private final MeterRegistry registry = meters.registry();
    private final Map<EmailKind, Counter> sent = new EnumMap<>(EmailKind.class);

    public NotifierMetrics() {
        for (EmailKind kind : EmailKind.values()) {
            sent.put(kind, Counter.builder(SENT).description("Emails the mail server accepted, by kind")
                    .tag("kind", kind.configName()).register(registry));
        }
    }

    public void bindStreams(KafkaStreams streams) {
        meters.bind(new KafkaStreamsMetrics(streams));
    }

    public void sent(EmailKind kind) {
        sent.get(kind).increment();
    }

    /** An email not sent on purpose: already-sent, no-recipient, kind-disabled, ... */
    public void skipped(String reason) {
        counter(SKIPPED, "Emails not sent on purpose, by reason", reason).increment();
    }

    /** One failed attempt; the email is retried later or dead-lettered. */
    public void failedAttempt(String reason) {
        counter(FAILED_ATTEMPTS, "Failed attempts to send an email, by reason", reason).increment();
    }

    public void deadLettered(String reason) {
        counter(DEAD_LETTERED, "Events written to notifications-dlq, by reason", reason).increment();
    }

    private Counter counter(String name, String description, String reason) {
        // Reasons are a small fixed set of labels from this code, never values from a message.
        return Counter.builder(name).description(description).tag("reason", reason).register(registry);
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
