package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.callback.Callback;

import java.time.Instant;

/**
 * One readable callback as the ingress stored it.
 *
 * @param status     the status its {@code result} stands for
 * @param receivedAt when the ingress received it: the time of any change it causes, so a replay
 *                   computes the same events
 */
public record Delivery(Callback callback, TransactionStatus status, String connector, Instant receivedAt) {

    public boolean isCorrection() {
        return callback.notificationSource() != null && !callback.notificationSource().isBlank();
    }
}
