package net.paycallbacks.processor.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.EventError;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.state.TransactionState;

import java.time.Instant;

/** The answer of {@code GET /transactions/{uuid}}: the state without the customer's personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionView(String uuid, TransactionStatus status, long version, String transactionType,
                              String amount, String currency, String parentUuid, String merchantTransactionId,
                              String connector, EventError error, boolean corrected, Instant lastChangeAt,
                              long duplicatesIgnored, long lateIgnored) {

    static TransactionView of(TransactionState state) {
        return new TransactionView(state.uuid(), state.status(), state.version(), state.transactionType(),
                state.amount(), state.currency(), state.parentUuid(), state.merchantTransactionId(),
                state.connector(), state.error(), state.corrected(), state.lastChangeAt(),
                state.duplicatesIgnored(), state.lateIgnored());
    }

    String toJson() {
        try {
            return EventJson.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the view of " + uuid, e);
        }
    }
}
