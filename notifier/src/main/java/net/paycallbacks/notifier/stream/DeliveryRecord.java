package net.paycallbacks.notifier.stream;

import java.time.Instant;

/**
 * What became of one email for good, kept in the {@code deliveries} store (and its changelog) so
 * that redelivered or replayed events send nothing again.
 *
 * @param attempts how many times it was handed to the mail server
 */
public record DeliveryRecord(Outcome outcome, Instant at, int attempts) {

    public enum Outcome {
        /** The mail server accepted it. */
        SENT,
        /** Given up and written to notifications-dlq; only a redrive sends it again. */
        DEAD_LETTERED
    }
}
