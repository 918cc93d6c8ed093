package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.email.Recipients;
import net.paycallbacks.notifier.email.TransactionContact;
import net.paycallbacks.notifier.retry.RetryPolicy;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns events into emails, at most once each: the email is sent synchronously and its delivery
 * record commits with the consumed offset in the same Kafka transaction (exactly_once_v2). Failed
 * emails wait in the {@code pending} store and a wall-clock punctuator tries them again.
 */
final class NotifyProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyProcessor.class);
    /** How often due retries are looked for. */
    static final Duration RETRY_SCAN_INTERVAL = Duration.ofSeconds(1);

    private final EmailKinds kinds;
    private final Mailer mailer;
    private final RetryPolicy retryPolicy;
    private final MailServerGate gate;
    private final NotifierMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TransactionContact> contacts;
    private KeyValueStore<String, DeliveryRecord> deliveries;
    private KeyValueStore<String, PendingEmail> pending;
    private EmailAttempts attempts;

    NotifyProcessor(EmailKinds kinds, Mailer mailer, RetryPolicy retryPolicy, MailServerGate gate, NotifierMetrics metrics) {
        this.kinds = kinds;
        this.mailer = mailer;
        this.retryPolicy = retryPolicy;
        this.gate = gate;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.contacts = context.getStateStore(NotifierTopology.CONTACTS);
        this.deliveries = context.getStateStore(NotifierTopology.DELIVERIES);
        this.pending = context.getStateStore(NotifierTopology.PENDING);
        Recipients recipients = new Recipients(uuid -> Optional.ofNullable(contacts.get(uuid)));
        this.attempts = new EmailAttempts(context, recipients, mailer, retryPolicy, gate, metrics);
        context.schedule(RETRY_SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME, time -> attempts.retryDue(Instant.ofEpochMilli(time)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<TransactionEvent> read = EventValues.read(record.value());
        if (read.isEmpty()) {
            deadLetterUnreadable(record);
            return;
        }
        TransactionEvent event = read.get();
        remember(event);
        Optional<EmailKind> kind = EmailKind.forEvent(event);
        if (kind.isEmpty()) {
            return;
        }
        if (!kinds.enabled().contains(kind.get())) {
            metrics.skipped("kind-disabled");
            return;
        }
        Optional<String> alreadyHandled = alreadyHandled(PendingEmail.key(event.transaction().uuid(), kind.get()),
                DeadLetters.isRedrive(record.headers()));
        if (alreadyHandled.isPresent()) {
            metrics.skipped(alreadyHandled.get());
            return;
        }
        attempts.attempt(PendingEmail.first(event, kind.get(), Instant.ofEpochMilli(context.currentSystemTimeMs())));
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

    /**
     * Publishes what later follow-ups need (customer, parent) to the contacts topic, which every
     * instance reads into its global store; unchanged contacts are not written again.
     */
    private void remember(TransactionEvent event) {
        String uuid = event.transaction().uuid();
        TransactionContact.of(event)
                .filter(contact -> !Objects.equals(contacts.get(uuid), contact))
                .ifPresent(contact -> context.forward(new Record<String, Object>(uuid, contact, context.currentSystemTimeMs()),
                        NotifierTopology.CONTACTS_SINK));
    }

    private void deadLetterUnreadable(Record<String, byte[]> record) {
        var source = context.recordMetadata().orElseThrow();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.forward(new Record<String, Object>(record.key(), record.value(), record.timestamp(),
                DeadLetters.forUnreadable(record.headers(), now)), NotifierTopology.DEAD_LETTERS);
        metrics.deadLettered(DeadLetters.UNREADABLE_EVENT);
        LOG.warn("Record {}-{}@{} is not a transaction event; dead-lettered to notifications-dlq",
                source.topic(), source.partition(), source.offset());
    }
}
