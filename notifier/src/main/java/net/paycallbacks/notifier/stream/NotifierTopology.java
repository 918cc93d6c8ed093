package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.Topics;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.retry.RetryPolicy;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code transaction-events} (and redriven dead letters) into emails, with what could not be sent in
 * {@code notifications-dlq}. Events are first re-keyed by their family (a follow-up's parent) through
 * a repartition topic, so each task holds the customers its follow-ups need.
 */
public final class NotifierTopology {

    /** Customers of transactions, by uuid, for their follow-ups. */
    public static final String CUSTOMERS = "customers";
    /** What became of each email for good, by {@code uuid/kind}: the "never twice" record. */
    public static final String DELIVERIES = "deliveries";
    /** Emails waiting for another attempt, by {@code uuid/kind}. */
    public static final String PENDING = "pending";
    static final String REPARTITION = "by-family";

    private NotifierTopology() {
    }

    public static Topology build(EmailKinds kinds, Mailer mailer, RetryPolicy retryPolicy, NotifierMetrics metrics) {
        Serde<String> keys = Serdes.String();
        Serde<byte[]> values = Serdes.ByteArray();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMERS), keys,
                StoreJson.serde(EventCustomer.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELIVERIES), keys,
                StoreJson.serde(DeliveryRecord.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING), keys,
                StoreJson.serde(PendingEmail.class)));

        // Bytes, not events: a value that is not an event must reach the DLQ, not stop the service.
        KStream<String, byte[]> events = builder.stream(Topics.TRANSACTION_EVENTS.name(),
                Consumed.with(keys, values).withName("transaction-events"));
        KStream<String, byte[]> redriven = builder.stream(Topics.NOTIFICATIONS_REDRIVE.name(),
                Consumed.with(keys, values).withName("notifications-redrive"));
        MailServerGate gate = new MailServerGate();
        events.merge(redriven, Named.as("events-and-redrives"))
                .selectKey(FamilyKey::of, Named.as("family-key"))
                .repartition(Repartitioned.with(keys, values).withName(REPARTITION))
                .process(() -> new NotifyProcessor(kinds, mailer, retryPolicy, gate, metrics), Named.as("notify"),
                        CUSTOMERS, DELIVERIES, PENDING)
                .to(Topics.NOTIFICATIONS_DLQ.name(), Produced.with(keys, values).withName("dead-letters"));
        return builder.build();
    }
}
