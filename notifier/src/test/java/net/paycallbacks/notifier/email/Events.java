package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventIds;
import net.paycallbacks.common.events.EventTransaction;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;

import java.time.Instant;

/** {@code transaction-events} values for tests. */
final class Events {

    static final EventCustomer ZOE = new EventCustomer("zoe.unal@example.com", "Zoë", "Ünal");

    private Events() {
    }

    static TransactionEvent event(EventType type, String transactionType, EventCustomer customer, String parentUuid) {
        String uuid = transactionType.toLowerCase() + "0000000000000001";
        TransactionStatus status = switch (type) {
            case PENDING -> TransactionStatus.PENDING;
            case FAILED -> TransactionStatus.ERROR;
            default -> TransactionStatus.SUCCESS;
        };
        return new TransactionEvent(1, EventIds.of(uuid, 1, type), type, Instant.parse("2026-11-29T10:00:00Z"), "shop-eu",
                new EventTransaction(uuid, "order-2026-0001", "20261129-" + uuid, transactionType, "Creditcard",
                        "49.90", "EUR", status, null, 1, parentUuid, null, null),
                customer, null);
    }

    static TransactionEvent succeeded(String transactionType) {
        return event(EventType.SUCCEEDED, transactionType, ZOE, null);
    }
}
