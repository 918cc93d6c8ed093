package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.common.errors.SerializationException;

import java.util.Optional;

/** Reads a {@code transaction-events} value without trusting it: anything unusable is empty, to be dead-lettered. */
final class EventValues {

    private EventValues() {
    }

    static Optional<TransactionEvent> read(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            TransactionEvent event = EventJson.read(value);
            boolean usable = event != null && event.type() != null && event.transaction() != null
                    && event.transaction().uuid() != null;
            return usable ? Optional.of(event) : Optional.empty();
        } catch (SerializationException unreadable) {
            return Optional.empty();
        }
    }
}
