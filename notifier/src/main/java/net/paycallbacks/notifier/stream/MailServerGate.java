package net.paycallbacks.notifier.stream;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Shared by every task: after a failure that may be the mail server's (not one message's), no
 * email is tried until the first retry delay has passed. New emails are parked for later instead,
 * so an unreachable server costs one connect timeout per delay, not one per email, and the stream
 * keeps moving for everyone.
 */
final class MailServerGate {

    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    boolean isOpen(Instant now) {
        return !closedUntil.get().isAfter(now);
    }

    Instant opensAt() {
        return closedUntil.get();
    }

    void closeUntil(Instant until) {
        closedUntil.accumulateAndGet(until, (current, next) -> next.isAfter(current) ? next : current);
    }
}
