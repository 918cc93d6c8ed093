package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.EventChargeback;
import net.paycallbacks.common.events.EventError;
import net.paycallbacks.processor.callback.Callback;

import java.math.BigDecimal;

/** What a callback says about its parent transaction, its error and its dispute, in event form. */
final class EventDetails {

    private EventDetails() {
    }

    /**
     * The transaction a follow-up belongs to. Chargebacks and their reversals point at the disputed
     * payment through their own data; merchant follow-ups (capture, void, refund, incremental
     * authorization) through {@code referenceUuid}.
     */
    static String parentUuid(Callback callback) {
        if (callback.chargebackData() != null && callback.chargebackData().originalUuid() != null) {
            return callback.chargebackData().originalUuid();
        }
        if (callback.chargebackReversalData() != null && callback.chargebackReversalData().originalUuid() != null) {
            return callback.chargebackReversalData().originalUuid();
        }
        return callback.referenceUuid();
    }

    /** The error as the top-level fields give it, else the first of {@code errors[]}, else the legacy fields. */
    static EventError error(Callback callback) {
        if (callback.code() != null || callback.message() != null || callback.adapterCode() != null) {
            return new EventError(callback.code(), callback.message(), callback.adapterCode(), callback.adapterMessage());
        }
        if (callback.errors() != null && !callback.errors().isEmpty() && callback.errors().getFirst() != null) {
            Callback.CallbackError first = callback.errors().getFirst();
            return new EventError(first.code(), first.message(), first.adapterCode(), first.adapterMessage());
        }
        if (callback.errorCode() != null || callback.errorMessage() != null) {
            return new EventError(callback.errorCode(), callback.errorMessage(), null, null);
        }
        return null;
    }

    static EventChargeback chargeback(Callback callback) {
        Callback.ChargebackData chargeback = callback.chargebackData();
        if (chargeback != null) {
            return new EventChargeback(chargeback.originalUuid(), chargeback.originalMerchantTransactionId(), null,
                    plain(chargeback.amount()), chargeback.currency(), chargeback.reason(), chargeback.chargebackDateTime());
        }
        Callback.ChargebackReversalData reversal = callback.chargebackReversalData();
        if (reversal != null) {
            return new EventChargeback(reversal.originalUuid(), reversal.originalMerchantTransactionId(),
                    reversal.chargebackUuid(), plain(reversal.amount()), reversal.currency(), reversal.reason(),
                    reversal.reversalDateTime());
        }
        return null;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
