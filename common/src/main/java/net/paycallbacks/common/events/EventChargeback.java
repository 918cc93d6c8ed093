package net.paycallbacks.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The dispute a CHARGEBACK or CHARGEBACK-REVERSAL is about.
 *
 * @param chargebackUuid only on a reversal: the chargeback it reverses
 * @param at             when the bank raised the chargeback or reversed it, as IXOPAY sent it (RFC 3339)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventChargeback(String originalUuid, String originalMerchantTransactionId, String chargebackUuid,
                              String amount, String currency, String reason, String at) {
}
