package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.TransactionEvent;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who gets the email: the customer on the event, or for a follow-up that carries none (a refund, a
 * capture) the customer of its parent, following parents upwards (a refund of a capture of an
 * authorization reaches the authorization's customer).
 */
public final class Recipients {

    /** Deeper chains do not exist in IXOPAY; the limit only guards against a cycle in bad data. */
    static final int MAX_ANCESTORS = 5;

    private final Function<String, Optional<TransactionContact>> contactOf;

    /** @param contactOf what is remembered of a transaction, by its uuid */
    public Recipients(Function<String, Optional<TransactionContact>> contactOf) {
        this.contactOf = contactOf;
    }

    public Recipient of(TransactionEvent event) {
        if (TransactionContact.hasEmail(event.customer())) {
            return new Recipient.Known(event.customer());
        }
        String ancestor = event.transaction().parentUuid();
        for (int depth = 0; ancestor != null && depth < MAX_ANCESTORS; depth++) {
            Optional<TransactionContact> contact = contactOf.apply(ancestor);
            if (contact.isEmpty()) {
                return new Recipient.AwaitingParent(ancestor);
            }
            if (contact.get().customer() != null) {
                return new Recipient.Known(contact.get().customer());
            }
            ancestor = contact.get().parentUuid();
        }
        return new Recipient.None();
    }
}
