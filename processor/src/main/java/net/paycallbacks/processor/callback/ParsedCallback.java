package net.paycallbacks.processor.callback;

import net.paycallbacks.common.events.TransactionStatus;

/** What a record of {@code ixopay-callbacks} turned out to be. */
public sealed interface ParsedCallback {

    /** A callback the state machine can apply: it has a uuid and one of the three results. */
    record Readable(Callback callback, TransactionStatus status) implements ParsedCallback {
    }

    /** @param detail for the dead-letter header: what was wrong, never the body itself */
    record Unreadable(QuarantineReason reason, String detail) implements ParsedCallback {
    }
}
