package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.delivery.SendResult;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.email.Recipients;
import net.paycallbacks.notifier.retry.RetryPolicy;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns events into emails, at most once each: the email is sent synchronously and its delivery
 * record commits with the consumed offset in the same Kafka transaction (exactly_once_v2). Failed
 * emails wait in the {@code pending} store and a wall-clock punctuator tries them again.
 */
final class NotifyProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyProcessor.class);
    /** How often due retries are looked for, and how many one look may try (keeps a commit interval short). */
    static final Duration RETRY_SCAN_INTERVAL = Duration.ofSeconds(1);
    static final int RETRIES_PER_SCAN = 100;

    private final EmailKinds kinds;
    private final Mailer mailer;
    private final RetryPolicy retryPolicy;
    private final MailServerGate gate;
    private final NotifierMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, EventCustomer> customers;
    private KeyValueStore<String, DeliveryRecord> deliveries;
    private KeyValueStore<String, PendingEmail> pending;
    private Recipients recipients;

    NotifyProcessor(EmailKinds kinds, Mailer mailer, RetryPolicy retryPolicy, MailServerGate gate, NotifierMetrics metrics) {
        this.kinds = kinds;
        this.mailer = mailer;
        this.retryPolicy = retryPolicy;
        this.gate = gate;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.customers = context.getStateStore(NotifierTopology.CUSTOMERS);
        this.deliveries = context.getStateStore(NotifierTopology.DELIVERIES);
        this.pending = context.getStateStore(NotifierTopology.PENDING);
        this.recipients = new Recipients(uuid -> Optional.ofNullable(customers.get(uuid)));
        context.schedule(RETRY_SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME, time -> retryDue(Instant.ofEpochMilli(time)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<TransactionEvent> read = FamilyKey.read(record.value());
        if (read.isEmpty()) {
            deadLetterUnreadable(record);
            return;
        }
        TransactionEvent event = read.get();
        rememberCustomer(event);
        Optional<EmailKind> kind = EmailKind.forEvent(event);
        if (kind.isEmpty()) {
            return;
        }
        if (!kinds.enabled().contains(kind.get())) {
            metrics.skipped("kind-disabled");
            return;
        }
        String key = EmailKey.of(event.transaction().uuid(), kind.get());
        Optional<String> alreadyHandled = alreadyHandled(key, DeadLetters.isRedrive(record.headers()));
        if (alreadyHandled.isPresent()) {
            metrics.skipped(alreadyHandled.get());
            return;
        }
        attempt(PendingEmail.first(event, kind.get(), now()));
    }

    /** Why this email is not to be sent now, if it is not: sent before, dead-lettered (unless redriven), or waiting. */
    private Optional<String> alreadyHandled(String key, boolean redrive) {
        DeliveryRecord done = deliveries.get(key);
        if (done != null && done.outcome() == DeliveryRecord.Outcome.SENT) {
            return Optional.of("already-sent");
        }
        if (done != null && !redrive) {
            return Optional.of("dead-lettered-before");
        }
        if (pending.get(key) != null) {
            return Optional.of("already-waiting");
        }
        return Optional.empty();
    }

    /** Parents' customers, for their follow-ups (a refund carries none); only customers we could write to. */
    private void rememberCustomer(TransactionEvent event) {
        EventCustomer customer = event.customer();
        if (customer != null && customer.email() != null && !customer.email().isBlank()) {
            customers.put(event.transaction().uuid(), customer);
        }
    }

    private void attempt(PendingEmail email) {
        Instant now = now();
        Optional<EventCustomer> recipient = recipients.of(email.event());
        if (recipient.isEmpty()) {
            noRecipient(email, now);
            return;
        }
        if (!gate.isOpen(now)) {
            pending.put(email.key(), email.postponedTo(gate.opensAt()));
            return;
        }
        switch (mailer.send(email.kind(), email.event(), recipient.get())) {
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
        Optional<Instant> next = failure.permanent() ? Optional.empty() : retryPolicy.nextAttempt(attempts, now);
        if (next.isPresent()) {
            pending.put(email.key(), email.failed(failure.reason(), next.get()));
            LOG.info("Email {} for transaction {} failed ({}), attempt {}; next attempt at {}",
                    email.kind().configName(), email.event().transaction().uuid(), failure.reason(), attempts, next.get());
            return;
        }
        String reason = failure.permanent() ? failure.reason() : "retries-exhausted";
        context.forward(new Record<>(email.event().transaction().uuid(), EventJson.write(email.event()), now.toEpochMilli(),
                DeadLetters.forEvent(email.event(), email.kind().configName(), attempts, reason, failure.detail(), now)));
        deliveries.put(email.key(), new DeliveryRecord(DeliveryRecord.Outcome.DEAD_LETTERED, now, attempts));
        pending.delete(email.key());
        metrics.deadLettered(reason);
        LOG.warn("Email {} for transaction {} dead-lettered to notifications-dlq after {} attempt(s): {} ({})",
                email.kind().configName(), email.event().transaction().uuid(), attempts, reason, failure.detail());
    }

    /**
     * A follow-up whose parent has not been seen yet may simply be early (the parent's event is on
     * another partition of transaction-events): it waits on the retry schedule for the parent.
     */
    private void noRecipient(PendingEmail email, Instant now) {
        String parent = email.event().transaction().parentUuid();
        Optional<Instant> next = parent != null && customers.get(parent) == null
                ? retryPolicy.nextAttempt(email.failedAttempts() + 1, now) : Optional.empty();
        if (next.isPresent()) {
            pending.put(email.key(), email.failed("parent-unknown", next.get()));
            return;
        }
        pending.delete(email.key());
        metrics.skipped("no-recipient");
    }

    private void retryDue(Instant now) {
        if (!gate.isOpen(now)) {
            return;
        }
        for (PendingEmail email : due(now)) {
            attempt(email);
            if (!gate.isOpen(now())) {
                return;
            }
        }
    }

    private List<PendingEmail> due(Instant now) {
        List<PendingEmail> due = new ArrayList<>();
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

    private void deadLetterUnreadable(Record<String, byte[]> record) {
        var source = context.recordMetadata().orElseThrow();
        context.forward(record.withHeaders(DeadLetters.forUnreadable(record.headers(), now())));
        metrics.deadLettered("unreadable-event");
        LOG.warn("A record that is not a transaction event was dead-lettered to notifications-dlq (read from {}-{}@{})",
                source.topic(), source.partition(), source.offset());
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
