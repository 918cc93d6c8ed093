package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.TransactionEvent;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who gets the email: the customer on the event, or for a follow-up that carries none (a refund, a
 * capture) the customer of its parent transaction, as remembered from the parent's events.
 */
public final class Recipients {

    private final Function<String, Optional<EventCustomer>> customerOfTransaction;

    /** @param customerOfTransaction the customer last seen on a transaction's events, by its uuid */
    public Recipients(Function<String, Optional<EventCustomer>> customerOfTransaction) {
        this.customerOfTransaction = customerOfTransaction;
    }

    public Optional<EventCustomer> of(TransactionEvent event) {
        if (hasEmail(event.customer())) {
            return Optional.of(event.customer());
        }
        String parent = event.transaction().parentUuid();
        if (parent == null) {
            return Optional.empty();
        }
        return customerOfTransaction.apply(parent).filter(Recipients::hasEmail);
    }

    private static boolean hasEmail(EventCustomer customer) {
        return customer != null && customer.email() != null && !customer.email().isBlank();
    }
}
