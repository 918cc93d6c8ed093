package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.support.CallbackJson;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any permutation of a transaction's ordinary callbacks, with any duplicates, ends in the same final
 * state and emits strictly increasing versions with no two events for the same change. Each
 * repetition draws its own case from a fixed seed, so a failure names a reproducible case.
 */
class TransactionStateMachinePropertyTest {

    private static final List<String> RESULTS = List.of("PENDING", "ERROR", "OK");
    private final TransactionStateMachine machine = new TransactionStateMachine();

    @RepeatedTest(500)
    void anyOrderAndAnyDuplicatesEndTheSame(RepetitionInfo repetition) {
        Random random = new Random(20261129L * 31 + repetition.getCurrentRepetition());
        String uuid = "prop" + String.format("%016d", repetition.getCurrentRepetition());
        List<String> distinct = new ArrayList<>(RESULTS.subList(0, 0));
        for (String result : RESULTS) {
            if (random.nextBoolean()) {
                distinct.add(result);
            }
        }
        if (distinct.isEmpty()) {
            distinct.add(RESULTS.get(random.nextInt(RESULTS.size())));
        }
        List<String> deliveries = new ArrayList<>(distinct);
        int duplicates = random.nextInt(6);
        for (int i = 0; i < duplicates; i++) {
            deliveries.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(deliveries, random);

        List<CallbackJson> callbacks = deliveries.stream().map(result -> callback(uuid, result)).toList();
        List<TransactionEvent> events = TransactionStateMachineTest.events(machine, callbacks);
        TransactionState last = TransactionStateMachineTest.finalState(machine, callbacks);

        TransactionStatus highest = distinct.stream().map(result -> TransactionStatus.fromResult(result).orElseThrow())
                .max(Comparator.naturalOrder()).orElseThrow();
        String description = "deliveries " + deliveries;
        assertThat(events).as(description).isNotEmpty();
        assertThat(events.getLast().transaction().status()).as(description).isEqualTo(highest);
        Set<TransactionStatus> announced = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            TransactionEvent event = events.get(i);
            assertThat(event.transaction().version()).as(description).isEqualTo(i + 1);
            assertThat(announced.add(event.transaction().status())).as(description + ": one event per status").isTrue();
            if (i > 0) {
                assertThat(event.transaction().status().isAbove(events.get(i - 1).transaction().status()))
                        .as(description + ": status only moves up").isTrue();
            }
        }
        assertThat(events.stream().map(TransactionEvent::eventId).distinct()).hasSize(events.size());
        assertThat(last.status()).isEqualTo(highest);
        assertThat(last.duplicatesIgnored() + last.lateIgnored()).as(description + ": every other delivery is counted")
                .isEqualTo(deliveries.size() - events.size());
    }
}
