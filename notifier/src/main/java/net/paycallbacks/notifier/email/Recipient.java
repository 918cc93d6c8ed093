package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventCustomer;

/** Who an email goes to, as far as the notifier knows now. */
public sealed interface Recipient {

    record Known(EventCustomer customer) implements Recipient {
    }

    /** An ancestor of the transaction has not been seen yet; its event may still be on its way. */
    record AwaitingParent(String parentUuid) implements Recipient {
    }

    /** Nobody: no customer data on the transaction or any ancestor. */
    record None() implements Recipient {
    }
}
