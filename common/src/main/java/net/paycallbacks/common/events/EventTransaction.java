package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The transaction as it stands after the change.
 *
 * @param amount         exact decimal string as IXOPAY sent it (normalised, never a binary float)
 * @param previousStatus absent on a transaction's first event
 * @param parentUuid     the transaction a follow-up belongs to: {@code referenceUuid}, or for chargebacks
 *                       and their reversals the disputed payment's {@code originalUuid}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTransaction(String uuid, String merchantTransactionId, String purchaseId,
                               String transactionType, String paymentMethod, String amount, String currency,
                               TransactionStatus status, TransactionStatus previousStatus, long version,
                               String parentUuid, EventError error, EventChargeback chargeback) {
}
