package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.EventCorrection;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventError;
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
 * Corrections ({@code notificationSource}) may set any status, amount or currency; once one has set a
 * final status, ordinary callbacks no longer move it. Pure: time comes in with the delivery.
 */
public final class TransactionStateMachine {

    public Transition apply(TransactionState current, Delivery delivery) {
        if (delivery.isCorrection()) {
            return correct(current, delivery);
        }
        if (current == null) {
            return change(null, delivery, EventType.reaching(delivery.status()), null);
        }
        if (delivery.status() == current.status()) {
            return new Transition.Ignored(current.ignoredAsDuplicate(), Transition.Reason.DUPLICATE);
        }
        if (current.corrected()) {
            return new Transition.Ignored(current.ignoredAsLate(), Transition.Reason.AFTER_CORRECTION);
        }
        if (!delivery.status().isAbove(current.status())) {
            return new Transition.Ignored(current.ignoredAsLate(), Transition.Reason.LATE);
        }
        return change(current, delivery, EventType.reaching(delivery.status()), null);
    }

    /**
     * A correction that changes nothing is a duplicate. One that first settles a transaction (none
     * known yet, or PENDING) is announced like any first final status, so subscribers waiting for
     * {@code transaction.succeeded} see it; any other change is {@code transaction.corrected}.
     */
    private Transition correct(TransactionState current, Delivery delivery) {
        Callback callback = delivery.callback();
        if (current != null && changesNothing(current, delivery)) {
            return new Transition.Ignored(current.ignoredAsDuplicate(), Transition.Reason.DUPLICATE);
        }
        boolean settlesFirstTime = current == null
                || current.status() == TransactionStatus.PENDING && delivery.status() != TransactionStatus.PENDING;
        EventType type = settlesFirstTime ? EventType.reaching(delivery.status()) : EventType.CORRECTED;
        EventCorrection correction = new EventCorrection(callback.notificationSource(),
                current == null ? null : current.amount(), current == null ? null : current.currency());
        return change(current, delivery, type, correction);
    }

    private static boolean changesNothing(TransactionState current, Delivery delivery) {
        Callback callback = delivery.callback();
        String currency = callback.currency() == null ? current.currency() : callback.currency();
        boolean sameAmount = callback.amount() == null || current.amount() != null
                && new BigDecimal(current.amount()).compareTo(callback.amount()) == 0;
        return delivery.status() == current.status() && sameAmount && Objects.equals(currency, current.currency());
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
                delivery.connector(),
                either(callback.merchantTransactionId(), current, TransactionState::merchantTransactionId),
                either(callback.purchaseId(), current, TransactionState::purchaseId),
                either(callback.transactionType(), current, TransactionState::transactionType),
                either(callback.paymentMethod(), current, TransactionState::paymentMethod),
                either(callback.amount() == null ? null : callback.amount().toPlainString(), current, TransactionState::amount),
                either(callback.currency(), current, TransactionState::currency),
                status,
                current == null ? 1 : current.version() + 1,
                either(EventDetails.parentUuid(callback), current, TransactionState::parentUuid),
                status == TransactionStatus.ERROR ? errorOf(callback, current) : null,
                either(EventDetails.chargeback(callback), current, TransactionState::chargeback),
                customer(callback.customer(), current == null ? null : current.customer()),
                // Only a final status set by reconciliation or settlement outranks ordinary callbacks; the latest correction decides.
                delivery.isCorrection() ? status != TransactionStatus.PENDING : current != null && current.corrected(),
                delivery.receivedAt(),
                current == null ? 0 : current.duplicatesIgnored(),
                current == null ? 0 : current.lateIgnored());
    }

    /** A correction that keeps the status ERROR usually repeats no error details: keep the known ones. */
    private static EventError errorOf(Callback callback, TransactionState current) {
        EventError reported = EventDetails.error(callback);
        if (reported == null && current != null && current.status() == TransactionStatus.ERROR) {
            return current.error();
        }
        return reported;
    }

    private static <S, T> T either(T fromCallback, S current, Function<S, T> known) {
        return fromCallback != null || current == null ? fromCallback : known.apply(current);
    }

    /** Field by field: a later callback naming the customer without an email must not lose the known one. */
    private static EventCustomer customer(Callback.Customer sent, EventCustomer known) {
        if (sent == null) {
            return known;
        }
        String email = either(given(sent.email()), known, EventCustomer::email);
        String firstName = either(given(sent.firstName()), known, EventCustomer::firstName);
        String lastName = either(given(sent.lastName()), known, EventCustomer::lastName);
        return email == null && firstName == null && lastName == null ? null : new EventCustomer(email, firstName, lastName);
    }

    /** A blank field counts as left out: the notifier has no use for an empty email. */
    private static String given(String field) {
        return field == null || field.isBlank() ? null : field;
    }
}
