package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One value of {@code transaction-events}, schema version 1: one accepted state change of one
 * transaction. Documented field by field in {@code transaction-event-v1.schema.json} and the README.
 *
 * @param customer   present only when IXOPAY sent customer data for this transaction (PII)
 * @param correction present only on {@link EventType#CORRECTED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionEvent(int schemaVersion, String eventId, EventType type, Instant occurredAt,
                               String connector, EventTransaction transaction, EventCustomer customer,
                               EventCorrection correction) {

    public static final int SCHEMA_VERSION = 1;
}
