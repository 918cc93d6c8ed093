package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.common.errors.SerializationException;

import java.util.Optional;

/**
 * The key the notifier partitions by: a follow-up's parent uuid, else the transaction's own. A
 * refund and the payment it refunds then meet in one task, where the payment's customer is known.
 */
final class FamilyKey {

    private FamilyKey() {
    }

    /** For what cannot be read: a repartition drops null keys, and these records must reach the DLQ. */
    static final String UNREADABLE = "unreadable";

    static String of(String recordKey, byte[] value) {
        return read(value).map(FamilyKey::of).orElse(recordKey != null ? recordKey : UNREADABLE);
    }

    static String of(TransactionEvent event) {
        String parent = event.transaction().parentUuid();
        return parent != null ? parent : event.transaction().uuid();
    }

    /** Empty for a value that is not a transaction event; it is dead-lettered further on. */
    static Optional<TransactionEvent> read(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            TransactionEvent event = EventJson.read(value);
            boolean usable = event != null && event.type() != null && event.transaction() != null && event.transaction().uuid() != null;
            return usable ? Optional.of(event) : Optional.empty();
        } catch (SerializationException unreadable) {
            return Optional.empty();
        }
    }
}
