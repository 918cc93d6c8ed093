package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.Topics;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.email.TransactionContact;
import net.paycallbacks.notifier.retry.RetryPolicy;
import net.paycallbacks.streams.StoreJson;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code transaction-events} (and redriven dead letters) into emails, with what could not be sent in
 * {@code notifications-dlq}. What follow-ups need to be addressed (each transaction's customer and
 * parent) goes through the {@code notifier-contacts} topic into a global store on every instance,
 * since a refund and its payment are usually on different partitions.
 */
public final class NotifierTopology {

    /** Global: each transaction's customer and parent, by uuid. */
    public static final String CONTACTS = "contacts";
    /** What became of each email for good, by {@code uuid/kind}: the "never twice" record. */
    public static final String DELIVERIES = "deliveries";
    /** Emails waiting for another attempt, by {@code uuid/kind}. */
    public static final String PENDING = "pending";
    static final String NOTIFY = "notify";
    static final String CONTACTS_SINK = "contacts-out";
    static final String DEAD_LETTERS = "dead-letters";

    private NotifierTopology() {
    }

    public static Topology build(EmailKinds kinds, Mailer mailer, RetryPolicy retryPolicy, NotifierMetrics metrics) {
        Serde<String> keys = Serdes.String();
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<TransactionContact> contacts = StoreJson.serde(TransactionContact.class);
        MailServerGate gate = new MailServerGate();
        return new Topology()
                // A global store is restored from its own topic, so it keeps no changelog of its own.
                .addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTACTS), keys, contacts).withLoggingDisabled(),
                        "contacts-in", keys.deserializer(), contacts.deserializer(), Topics.NOTIFIER_CONTACTS.name(),
                        "contacts-update", ContactsUpdater::new)
                // Bytes, not events: a value that is not an event must reach the DLQ, not stop the service.
                .addSource("events", keys.deserializer(), bytes.deserializer(), Topics.TRANSACTION_EVENTS.name())
                .addSource("redriven", keys.deserializer(), bytes.deserializer(), Topics.NOTIFICATIONS_REDRIVE.name())
                .addProcessor(NOTIFY, () -> new NotifyProcessor(kinds, mailer, retryPolicy, gate, metrics), "events", "redriven")
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELIVERIES), keys,
                        StoreJson.serde(DeliveryRecord.class)), NOTIFY)
                .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING), keys,
                        StoreJson.serde(PendingEmail.class)), NOTIFY)
                .addSink(CONTACTS_SINK, Topics.NOTIFIER_CONTACTS.name(), keys.serializer(), anyAs(contacts.serializer()), NOTIFY)
                .addSink(DEAD_LETTERS, Topics.NOTIFICATIONS_DLQ.name(), keys.serializer(), anyAs(bytes.serializer()), NOTIFY);
    }

    /** The processor forwards values of two types, each to the sink that serializes it. */
    @SuppressWarnings("unchecked")
    private static <T> Serializer<Object> anyAs(Serializer<T> serializer) {
        return (topic, value) -> serializer.serialize(topic, (T) value);
    }
}
