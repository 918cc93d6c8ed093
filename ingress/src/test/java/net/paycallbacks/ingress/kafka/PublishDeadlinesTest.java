package net.paycallbacks.ingress.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PublishDeadlinesTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final PublishDeadlines deadlines = new PublishDeadlines(Duration.ofSeconds(5), nanos::get);

    @Test
    void anAnswerBeforeTheDeadlineIsPassedOnAndForgottenAtTheNextSweep() {
        Promise<String> publish = Promise.promise();
        Future<String> answer = deadlines.within(publish.future());

        publish.complete("stored");
        deadlines.sweep();

        assertThat(answer.result()).isEqualTo("stored");
        assertThat(deadlines.tracked()).isZero();
    }

    @Test
    void aFailureBeforeTheDeadlineIsPassedOnAsItIs() {
        Promise<String> publish = Promise.promise();
        Future<String> answer = deadlines.within(publish.future());

        publish.fail(new IllegalStateException("broker refused"));

        assertThat(answer.cause()).isInstanceOf(IllegalStateException.class).hasMessage("broker refused");
    }

    @Test
    void anUnansweredPublishFailsOnlyOnceItsDeadlineHasPassed() {
        Future<String> answer = deadlines.within(Promise.<String>promise().future());

        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        deadlines.sweep();
        assertThat(answer.isComplete()).isFalse();

        nanos.addAndGet(1);
        deadlines.sweep();
        assertThat(answer.cause()).isInstanceOf(TimeoutException.class)
                .hasMessage("no acknowledgement from Kafka within 5000 ms");
        assertThat(deadlines.tracked()).isZero();
    }

    @Test
    void anAnswerAfterTheDeadlineChangesNothing() {
        Promise<String> publish = Promise.promise();
        Future<String> answer = deadlines.within(publish.future());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        deadlines.sweep();

        publish.complete("too late");

        assertThat(answer.failed()).isTrue();
    }

    @Test
    void anAnswerAfterTheDeadlineButBeforeTheSweepStillCounts() {
        Promise<String> publish = Promise.promise();
        Future<String> answer = deadlines.within(publish.future());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        publish.complete("stored");
        deadlines.sweep();

        assertThat(answer.result()).isEqualTo("stored");
    }

    @Test
    void deadlinesHoldAcrossTheWrapOfTheNanosecondClock() {
        nanos.set(Long.MAX_VALUE - Duration.ofSeconds(1).toNanos());
        Future<String> answer = deadlines.within(Promise.<String>promise().future());

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        deadlines.sweep();
        assertThat(answer.isComplete()).as("2 s of 5 have passed, the clock having wrapped").isFalse();

        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        deadlines.sweep();
        assertThat(answer.failed()).isTrue();
    }

    @Test
    void sweepsStopAtTheOldestUnansweredPublishAndExpireInOrderOfStart() {
        Promise<String> first = Promise.promise();
        Future<String> firstAnswer = deadlines.within(first.future());
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        Promise<String> second = Promise.promise();
        deadlines.within(second.future());
        Future<String> thirdAnswer = deadlines.within(Promise.<String>promise().future());
        second.complete("stored");

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        deadlines.sweep();

        assertThat(firstAnswer.failed()).isTrue();
        assertThat(thirdAnswer.isComplete()).as("started a second later, not yet due").isFalse();
        assertThat(deadlines.tracked()).as("the answered second is dropped, the third kept").isEqualTo(1);
    }

    @Test
    void aPublishAlreadyCompleteIsReturnedUntracked() {
        Future<String> refusedAtOnce = Future.failedFuture(new IllegalStateException("no room"));

        assertThat(deadlines.within(refusedAtOnce)).isSameAs(refusedAtOnce);
        assertThat(deadlines.tracked()).isZero();
    }
}
