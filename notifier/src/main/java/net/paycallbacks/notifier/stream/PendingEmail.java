package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.notifier.email.EmailKind;

import java.time.Instant;

/**
 * An email waiting for its next attempt, kept in the {@code pending} store until it is sent or dead-lettered.
 *
 * @param failedAttempts attempts that failed so far (0 when it was parked without trying, during an outage)
 * @param lastFailure    the reason label of the last failure, or null
 */
public record PendingEmail(TransactionEvent event, EmailKind kind, int failedAttempts, Instant nextAttemptAt,
                           String lastFailure) {

    static PendingEmail first(TransactionEvent event, EmailKind kind, Instant now) {
        return new PendingEmail(event, kind, 0, now, null);
    }

    /** The key of the delivery and retry stores: one email per transaction and kind, e.g. {@code <uuid>/refund}. */
    static String key(String transactionUuid, EmailKind kind) {
        return transactionUuid + "/" + kind.configName();
    }

    String key() {
        return key(event.transaction().uuid(), kind);
    }

    boolean isDue(Instant now) {
        return !nextAttemptAt.isAfter(now);
    }

    PendingEmail postponedTo(Instant next) {
        return new PendingEmail(event, kind, failedAttempts, next, lastFailure);
    }

    PendingEmail failed(String reason, Instant next) {
        return new PendingEmail(event, kind, failedAttempts + 1, next, reason);
    }
}
