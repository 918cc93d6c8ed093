package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of {@code transaction-events}; the wire names are part of the public contract. */
public enum EventType {
    PENDING("transaction.pending"),
    SUCCEEDED("transaction.succeeded"),
    FAILED("transaction.failed"),
    CORRECTED("transaction.corrected");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The event announcing that a transaction reached {@code status} in the ordinary course. */
    public static EventType reaching(TransactionStatus status) {
        return switch (status) {
            case PENDING -> PENDING;
            case ERROR -> FAILED;
            case SUCCESS -> SUCCEEDED;
        };
    }
}
