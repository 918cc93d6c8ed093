package net.paycallbacks.common;

import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the product, named once. */
public final class Topics {

    /** Raw IXOPAY callbacks exactly as received: key = transaction uuid (or null), value = body bytes. */
    public static final Topic<String, byte[]> IXOPAY_CALLBACKS =
            new Topic<>("ixopay-callbacks", Serdes.String(), Serdes.ByteArray());

    /** Callbacks the processor could not read: original key, bytes and headers, plus the reason headers. */
    public static final Topic<String, byte[]> IXOPAY_CALLBACKS_DLQ =
            new Topic<>("ixopay-callbacks-dlq", Serdes.String(), Serdes.ByteArray());

    /** The public contract: one event per accepted state change, key = transaction uuid. */
    public static final Topic<String, TransactionEvent> TRANSACTION_EVENTS =
            new Topic<>("transaction-events", Serdes.String(), EventJson.serde());

    /** Events whose email could not be sent after the last retry, kept for a redrive. */
    public static final Topic<String, byte[]> NOTIFICATIONS_DLQ =
            new Topic<>("notifications-dlq", Serdes.String(), Serdes.ByteArray());

    /**
     * Dead letters an operator sends again (the notifier's redrive command copies them here): the
     * notifier reads it beside {@code transaction-events}, so a redrive never touches the public topic.
     */
    public static final Topic<String, byte[]> NOTIFICATIONS_REDRIVE =
            new Topic<>("notifications-redrive", Serdes.String(), Serdes.ByteArray());

    /**
     * The notifier's memory of each transaction's customer and parent (key = uuid, JSON value),
     * read by every notifier instance as a global store, so a follow-up finds its ancestors'
     * customer whichever partition they were on. Personal data: compacted, and deleted after a while.
     */
    public static final Topic<String, byte[]> NOTIFIER_CONTACTS =
            new Topic<>("notifier-contacts", Serdes.String(), Serdes.ByteArray());

    private Topics() {
    }
}
