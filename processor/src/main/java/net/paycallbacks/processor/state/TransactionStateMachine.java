package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.EventCorrection;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventIds;
import net.paycallbacks.common.events.EventTransaction;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.callback.Callback;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/**
 * The per-transaction rules. Ordinary callbacks move the status only upward (PENDING, ERROR, SUCCESS),
 * so any order and any number of repeats end in the same state and every event is a real change.
 * Corrections ({@code notificationSource}) may set any status, amount or currency; after one, ordinary
 * callbacks are late by definition. Pure: time comes in with the delivery.
 */
public final class TransactionStateMachine {

    public Transition apply(TransactionState current, Delivery delivery) {
        if (current == null) {
            return change(null, delivery, EventType.reaching(delivery.status()), null);
        }
        if (delivery.isCorrection()) {
            return correct(current, delivery);
        }
        if (delivery.status() == current.status()) {
            return new Transition.Ignored(current.ignoredAsDuplicate(), Transition.Reason.DUPLICATE);
        }
        if (current.corrected() || !delivery.status().isAbove(current.status())) {
            return new Transition.Ignored(current.ignoredAsLate(), Transition.Reason.LATE);
        }
        return change(current, delivery, EventType.reaching(delivery.status()), null);
    }

    private Transition correct(TransactionState current, Delivery delivery) {
        Callback callback = delivery.callback();
        String amount = callback.amount() == null ? current.amount() : callback.amount().toPlainString();
        String currency = callback.currency() == null ? current.currency() : callback.currency();
        boolean sameAmount = current.amount() == null ? amount == null
                : amount != null && new BigDecimal(current.amount()).compareTo(new BigDecimal(amount)) == 0;
        if (delivery.status() == current.status() && sameAmount && Objects.equals(currency, current.currency())) {
            return new Transition.Ignored(current.ignoredAsDuplicate(), Transition.Reason.DUPLICATE);
        }
        EventCorrection correction = new EventCorrection(callback.notificationSource(), current.amount(), current.currency());
        return change(current, delivery, EventType.CORRECTED, correction);
    }

    private Transition change(TransactionState current, Delivery delivery, EventType type, EventCorrection correction) {
        TransactionState next = merge(current, delivery);
        TransactionEvent event = new TransactionEvent(TransactionEvent.SCHEMA_VERSION,
                EventIds.of(next.uuid(), next.version(), type), type, delivery.receivedAt(), next.connector(),
                new EventTransaction(next.uuid(), next.merchantTransactionId(), next.purchaseId(),
                        next.transactionType(), next.paymentMethod(), next.amount(), next.currency(), next.status(),
                        current == null ? null : current.status(), next.version(), next.parentUuid(), next.error(),
                        next.chargeback()),
                next.customer(), correction);
        return new Transition.Changed(next, event);
    }

    /** The state after a change: the callback's values where it has them, the known ones otherwise. */
    private static TransactionState merge(TransactionState current, Delivery delivery) {
        Callback callback = delivery.callback();
        TransactionStatus status = delivery.status();
        return new TransactionState(
                callback.uuid(),
                current == null || delivery.connector() != null ? delivery.connector() : current.connector(),
                either(callback.merchantTransactionId(), current, TransactionState::merchantTransactionId),
                either(callback.purchaseId(), current, TransactionState::purchaseId),
                either(callback.transactionType(), current, TransactionState::transactionType),
                either(callback.paymentMethod(), current, TransactionState::paymentMethod),
                either(callback.amount() == null ? null : callback.amount().toPlainString(), current, TransactionState::amount),
                either(callback.currency(), current, TransactionState::currency),
                status,
                current == null ? 1 : current.version() + 1,
                either(FollowUps.parentUuid(callback), current, TransactionState::parentUuid),
                status == TransactionStatus.ERROR ? FollowUps.error(callback) : null,
                either(FollowUps.chargeback(callback), current, TransactionState::chargeback),
                either(customer(callback.customer()), current, TransactionState::customer),
                delivery.isCorrection() || current != null && current.corrected(),
                delivery.receivedAt(),
                current == null ? 0 : current.duplicatesIgnored(),
                current == null ? 0 : current.lateIgnored());
    }

    private static <T> T either(T fromCallback, TransactionState current, Function<TransactionState, T> known) {
        return fromCallback != null || current == null ? fromCallback : known.apply(current);
    }

    private static EventCustomer customer(Callback.Customer customer) {
        if (customer == null || customer.email() == null && customer.firstName() == null && customer.lastName() == null) {
            return null;
        }
        return new EventCustomer(customer.email(), customer.firstName(), customer.lastName());
    }
}
