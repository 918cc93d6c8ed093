package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.TransactionEvent;

/** The outcome of applying one callback: always a state to store, and an event only for a real change. */
public sealed interface Transition {

    TransactionState next();

    record Changed(TransactionState next, TransactionEvent event) implements Transition {
    }

    record Ignored(TransactionState next, Reason reason) implements Transition {
    }

    enum Reason {
        /** The callback repeated the current status (and, for a correction, the amount and currency). */
        DUPLICATE,
        /** The callback's status is below the current one. */
        LATE,
        /** An ordinary callback for a transaction whose final status a reconciliation or settlement set. */
        AFTER_CORRECTION
    }
}
