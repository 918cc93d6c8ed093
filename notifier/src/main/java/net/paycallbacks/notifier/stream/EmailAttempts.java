package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.delivery.SendResult;
import net.paycallbacks.notifier.email.Recipient;
import net.paycallbacks.notifier.email.Recipients;
import net.paycallbacks.notifier.retry.RetryPolicy;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One task's attempts to send emails: sends one now, or schedules it in the {@code pending} store,
 * or gives up and dead-letters it; and tries the due ones again when the punctuator asks.
 */
final class EmailAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(EmailAttempts.class);
    /**
     * One look for due retries tries at most this many, for at most this long: the Kafka transaction
     * stays open meanwhile, and a slow server must not keep it open past its timeout.
     */
    static final int RETRIES_PER_SCAN = 100;
    static final Duration SCAN_BUDGET = Duration.ofSeconds(2);

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, DeliveryRecord> deliveries;
    private final KeyValueStore<String, PendingEmail> pending;
    private final Recipients recipients;
    private final Mailer mailer;
    private final RetryPolicy retryPolicy;
    private final MailServerGate gate;
    private final NotifierMetrics metrics;

    EmailAttempts(ProcessorContext<String, Object> context, Recipients recipients, Mailer mailer, RetryPolicy retryPolicy,
                  MailServerGate gate, NotifierMetrics metrics) {
        this.context = context;
        this.deliveries = context.getStateStore(NotifierTopology.DELIVERIES);
        this.pending = context.getStateStore(NotifierTopology.PENDING);
        this.recipients = recipients;
        this.mailer = mailer;
        this.retryPolicy = retryPolicy;
        this.gate = gate;
        this.metrics = metrics;
    }

    void attempt(PendingEmail email) {
        try (MDC.MDCCloseable uuid = MDC.putCloseable("uuid", email.event().transaction().uuid())) {
            Instant now = now();
            switch (recipients.of(email.event())) {
                case Recipient.Known known -> send(email, known, now);
                case Recipient.AwaitingParent awaiting -> awaitParent(email, now);
                case Recipient.None none -> {
                    pending.delete(email.key());
                    metrics.skipped("no-recipient");
                }
            }
        }
    }

    /** Tries the emails whose next attempt is due, unless the mail server is resting. */
    void retryDue(Instant now) {
        long deadline = System.nanoTime() + SCAN_BUDGET.toNanos();
        for (PendingEmail email : due(now)) {
            if (!gate.isOpen(now()) || System.nanoTime() > deadline) {
                return;
            }
            attempt(email);
        }
    }

    private void send(PendingEmail email, Recipient.Known recipient, Instant now) {
        if (!gate.isOpen(now)) {
            pending.put(email.key(), email.postponedTo(gate.opensAt()));
            return;
        }
        switch (mailer.send(email.kind(), email.event(), recipient.customer())) {
            case SendResult.Sent sent -> {
                deliveries.put(email.key(), new DeliveryRecord(DeliveryRecord.Outcome.SENT, now, email.failedAttempts() + 1));
                pending.delete(email.key());
                metrics.sent(email.kind());
            }
            case SendResult.Failed failed -> failed(email, failed, now);
        }
    }

    private void failed(PendingEmail email, SendResult.Failed failure, Instant now) {
        metrics.failedAttempt(failure.reason());
        int attempts = email.failedAttempts() + 1;
        if (failure.mayBeTheServer()) {
            // Hold the others back until the first retry: an unreachable server would cost each one a timeout.
            gate.closeUntil(now.plus(retryPolicy.firstDelay()));
        }
        if (!failure.permanent()) {
            var next = retryPolicy.nextAttempt(attempts, now);
            if (next.isPresent()) {
                pending.put(email.key(), email.failed(failure.reason(), next.get()));
                LOG.info("Email {} failed ({}), attempt {}; next attempt at {}", email.kind().configName(), failure.reason(),
                        attempts, next.get());
                return;
            }
        }
        deadLetter(email, failure.permanent() ? failure.reason() : "retries-exhausted", failure.detail(), attempts, now);
    }

    /**
     * A follow-up whose ancestor has not been seen yet may simply be early (the ancestor's event is
     * on another partition, or its contact is still on its way to every instance): it waits on the
     * retry schedule, then counts as having no recipient.
     */
    private void awaitParent(PendingEmail email, Instant now) {
        var next = retryPolicy.nextAttempt(email.failedAttempts() + 1, now);
        if (next.isPresent()) {
            pending.put(email.key(), email.failed("parent-unknown", next.get()));
        } else {
            pending.delete(email.key());
            metrics.skipped("no-recipient");
        }
    }

    private void deadLetter(PendingEmail email, String reason, String detail, int attempts, Instant now) {
        context.forward(new Record<String, Object>(email.event().transaction().uuid(), EventJson.write(email.event()),
                now.toEpochMilli(), DeadLetters.forEvent(email.event(), email.kind().configName(), attempts, reason, detail, now)),
                NotifierTopology.DEAD_LETTERS);
        deliveries.put(email.key(), new DeliveryRecord(DeliveryRecord.Outcome.DEAD_LETTERED, now, attempts));
        pending.delete(email.key());
        metrics.deadLettered(reason);
        LOG.warn("Email {} dead-lettered to notifications-dlq after {} attempt(s): {} ({})",
                email.kind().configName(), attempts, reason, detail);
    }

    private List<PendingEmail> due(Instant now) {
        List<PendingEmail> due = new ArrayList<>();
        // Copied out first: the store is written while they are tried.
        try (KeyValueIterator<String, PendingEmail> all = pending.all()) {
            while (all.hasNext() && due.size() < RETRIES_PER_SCAN) {
                KeyValue<String, PendingEmail> next = all.next();
                if (next.value.isDue(now)) {
                    due.add(next.value);
                }
            }
        }
        return due;
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
