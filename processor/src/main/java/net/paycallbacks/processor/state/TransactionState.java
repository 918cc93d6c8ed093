package net.paycallbacks.processor.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.paycallbacks.common.events.EventChargeback;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventError;
import net.paycallbacks.common.events.TransactionStatus;

import java.time.Instant;

/**
 * What the processor knows of one transaction, kept in the {@code transactions} store under its uuid.
 *
 * @param corrected         a reconciliation or settlement has set the status; ordinary callbacks no longer move it
 * @param lastChangeAt      when the callback behind the latest change was received
 * @param duplicatesIgnored callbacks that repeated the current status
 * @param lateIgnored       callbacks with a lower status than the current one (or any ordinary callback after a correction)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionState(String uuid, String connector, String merchantTransactionId, String purchaseId,
                               String transactionType, String paymentMethod, String amount, String currency,
                               TransactionStatus status, long version, String parentUuid, EventError error,
                               EventChargeback chargeback, EventCustomer customer, boolean corrected,
                               Instant lastChangeAt, long duplicatesIgnored, long lateIgnored) {

    TransactionState ignoredAsDuplicate() {
        return withIgnored(duplicatesIgnored + 1, lateIgnored);
    }

    TransactionState ignoredAsLate() {
        return withIgnored(duplicatesIgnored, lateIgnored + 1);
    }

    private TransactionState withIgnored(long duplicates, long late) {
        return new TransactionState(uuid, connector, merchantTransactionId, purchaseId, transactionType, paymentMethod,
                amount, currency, status, version, parentUuid, error, chargeback, customer, corrected, lastChangeAt,
                duplicates, late);
    }
}
