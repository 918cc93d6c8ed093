package net.paycallbacks.notifier.email;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.TransactionEvent;

import java.util.Optional;

/**
 * What the notifier remembers of a transaction to address its follow-ups: its customer, if IXOPAY
 * sent one with an email address, and its parent, so that a refund of a capture can be followed
 * to the authorization that carried the customer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionContact(EventCustomer customer, String parentUuid) {

    /** Empty for an event that says nothing worth remembering (no customer, no parent). */
    public static Optional<TransactionContact> of(TransactionEvent event) {
        EventCustomer customer = hasEmail(event.customer()) ? event.customer() : null;
        String parent = event.transaction().parentUuid();
        return customer == null && parent == null ? Optional.empty() : Optional.of(new TransactionContact(customer, parent));
    }

    static boolean hasEmail(EventCustomer customer) {
        return customer != null && customer.email() != null && !customer.email().isBlank();
    }

    @Override
    public String toString() {
        return "TransactionContact[customer " + (customer == null ? "none" : "redacted") + ", parent " + parentUuid + "]";
    }
}
