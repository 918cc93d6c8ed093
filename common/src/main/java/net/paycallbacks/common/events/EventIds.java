package net.paycallbacks.common.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same change of the same transaction always gets the same id, also when
 * a replay recomputes it, so subscribers can de-duplicate on it.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID over the transaction, its version after the change, and the event type. */
    public static String of(String transactionUuid, long version, EventType type) {
        String name = "transaction-events/v1/" + transactionUuid + "/" + version + "/" + type.wireName();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
