package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventIds;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.EventTransaction;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;

import java.time.Instant;
import java.util.Locale;

/**
 * {@code transaction-events} values for the topology tests, one transaction at a time:
 * {@code TestEvents.debit(uuid).succeeded()}, {@code TestEvents.refund(uuid, parent).failed()}.
 */
record TestEvents(String uuid, String transactionType, EventCustomer customer, String parentUuid, String amount) {

    static final EventCustomer ZOE = new EventCustomer("zoe.unal@example.com", "Zoë", "Ünal");
    static final Instant OCCURRED_AT = Instant.parse("2026-11-29T10:00:00Z");

    /** A payment by Zoë. */
    static TestEvents debit(String uuid) {
        return new TestEvents(uuid, "DEBIT", ZOE, null, "49.90");
    }

    /** A refund as IXOPAY sends it: no customer data, only the payment it refunds. */
    static TestEvents refund(String uuid, String parentUuid) {
        return new TestEvents(uuid, "REFUND", null, parentUuid, "10.00");
    }

    static TestEvents of(String transactionType, String uuid) {
        return new TestEvents(uuid, transactionType, ZOE, null, "49.90");
    }

    TestEvents withCustomer(EventCustomer other) {
        return new TestEvents(uuid, transactionType, other, parentUuid, amount);
    }

    TestEvents withParent(String parent) {
        return new TestEvents(uuid, transactionType, customer, parent, amount);
    }

    TestEvents withAmount(String other) {
        return new TestEvents(uuid, transactionType, customer, parentUuid, other);
    }

    String merchantTransactionId() {
        return "order-" + uuid;
    }

    TransactionEvent succeeded() {
        return event(EventType.SUCCEEDED, TransactionStatus.SUCCESS, 2);
    }

    TransactionEvent pending() {
        return event(EventType.PENDING, TransactionStatus.PENDING, 1);
    }

    TransactionEvent failed() {
        return event(EventType.FAILED, TransactionStatus.ERROR, 2);
    }

    static byte[] json(TransactionEvent event) {
        return EventJson.write(event);
    }

    private TransactionEvent event(EventType type, TransactionStatus status, long version) {
        return new TransactionEvent(TransactionEvent.SCHEMA_VERSION, EventIds.of(uuid, version, type), type, OCCURRED_AT,
                "shop-eu", new EventTransaction(uuid, merchantTransactionId(), "20261129-" + uuid,
                        transactionType.toUpperCase(Locale.ROOT), "Creditcard", amount, "EUR", status,
                        version > 1 ? TransactionStatus.PENDING : null, version, parentUuid, null, null),
                customer, null);
    }
}
