package net.paycallbacks.ingress.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The safety net behind the producer's own delivery timeout, for the publishes of one event loop:
 * a publish the producer has not answered within the publish timeout fails, so its request gets 503.
 * Not thread-safe: use it from its event loop only, and call {@link #sweep()} every so often.
 *
 * <p>A queue swept periodically rather than a timer per publish: every publish has the same timeout,
 * so they expire in the order they began, and setting and cancelling a Vert.x timer for each callback
 * cost about 3% of the event loops' time (bench/results/ingress-profile-2026-12-02.md).
 */
public final class PublishDeadlines {

    /** How often {@link #sweep()} should run: a publish fails at most this much after its deadline. */
    public static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

    private record Pending(long expiresAtNanos, Promise<?> answer) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final long timeoutNanos;
    private final LongSupplier nanoTime;

    public PublishDeadlines(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    PublishDeadlines(Duration timeout, LongSupplier nanoTime) {
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Completes as the publish does, or fails with a {@link TimeoutException} once its deadline has passed. */
    public <T> Future<T> within(Future<T> publish) {
        if (publish.isComplete()) {
            return publish;
        }
        Promise<T> answer = Promise.promise();
        publish.onComplete((value, failure) -> {
            if (failure == null) {
                answer.tryComplete(value);
            } else {
                answer.tryFail(failure);
            }
        });
        pending.add(new Pending(nanoTime.getAsLong() + timeoutNanos, answer));
        return answer.future();
    }

    /** Fails the publishes whose deadline has passed and forgets those already answered at the head. */
    public void sweep() {
        long now = nanoTime.getAsLong();
        while (!pending.isEmpty()) {
            Pending oldest = pending.peek();
            boolean answered = oldest.answer().future().isComplete();
            if (!answered && oldest.expiresAtNanos() - now > 0) {
                return;
            }
            pending.poll();
            if (!answered) {
                oldest.answer().tryFail(new TimeoutException(
                        "no acknowledgement from Kafka within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms"));
            }
        }
    }

    /** Publishes not yet known to be answered or expired; answered ones behind an unanswered one count too. */
    int tracked() {
        return pending.size();
    }
}
