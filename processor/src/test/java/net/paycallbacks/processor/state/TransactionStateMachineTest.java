package net.paycallbacks.processor.state;

import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.support.CallbackJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static net.paycallbacks.common.events.TransactionStatus.ERROR;
import static net.paycallbacks.common.events.TransactionStatus.PENDING;
import static net.paycallbacks.common.events.TransactionStatus.SUCCESS;
import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;

class TransactionStateMachineTest {

    private static final String UUID = "d94c0d72f3a36e21f16e";
    private final TransactionStateMachine machine = new TransactionStateMachine();

    /** How a row starts: no state, or the state left by these callbacks. */
    private record Given(String description, List<CallbackJson> callbacks) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** What a row expects: a change to this status and event type, or the callback ignored for this reason. */
    private record Expect(TransactionStatus status, long version, EventType event, Transition.Reason ignored) {
        static Expect change(TransactionStatus status, long version, EventType event) {
            return new Expect(status, version, event, null);
        }

        static Expect ignored(TransactionStatus status, long version, Transition.Reason reason) {
            return new Expect(status, version, null, reason);
        }

        @Override
        public String toString() {
            return ignored == null ? status + " v" + version + " " + event.wireName() : "ignored as " + ignored;
        }
    }

    private static Given none() {
        return new Given("new transaction", List.of());
    }

    private static Given at(String result) {
        return new Given(result, List.of(callback(UUID, result)));
    }

    private static Given correctedTo(String result) {
        return new Given("SUCCESS corrected to " + result,
                List.of(callback(UUID, "OK"), callback(UUID, result).correction("reconciliation")));
    }

    private static Given correctedBackToPending() {
        return new Given("SUCCESS corrected to ERROR, then to PENDING", List.of(callback(UUID, "OK"),
                callback(UUID, "ERROR").correction("reconciliation"), callback(UUID, "PENDING").correction("reconciliation")));
    }

    private static Given pendingWithCorrectedAmount() {
        return new Given("PENDING with a corrected amount",
                List.of(callback(UUID, "PENDING"), callback(UUID, "PENDING").amount("39.90").correction("reconciliation")));
    }

    static Stream<Arguments> transitions() {
        return Stream.of(
                // first callback of a transaction
                Arguments.of(none(), callback(UUID, "PENDING"), Expect.change(PENDING, 1, EventType.PENDING)),
                Arguments.of(none(), callback(UUID, "ERROR"), Expect.change(ERROR, 1, EventType.FAILED)),
                Arguments.of(none(), callback(UUID, "OK"), Expect.change(SUCCESS, 1, EventType.SUCCEEDED)),
                Arguments.of(none(), callback(UUID, "OK").correction("settlement"), Expect.change(SUCCESS, 1, EventType.SUCCEEDED)),
                Arguments.of(none(), callback(UUID, "ERROR").correction("reconciliation"), Expect.change(ERROR, 1, EventType.FAILED)),
                // from PENDING: up to ERROR or SUCCESS; PENDING again is a duplicate
                Arguments.of(at("PENDING"), callback(UUID, "ERROR"), Expect.change(ERROR, 2, EventType.FAILED)),
                Arguments.of(at("PENDING"), callback(UUID, "OK"), Expect.change(SUCCESS, 2, EventType.SUCCEEDED)),
                Arguments.of(at("PENDING"), callback(UUID, "PENDING"), Expect.ignored(PENDING, 1, Transition.Reason.DUPLICATE)),
                // from ERROR: a late success is real; ERROR again is a duplicate, PENDING is late
                Arguments.of(at("ERROR"), callback(UUID, "OK"), Expect.change(SUCCESS, 2, EventType.SUCCEEDED)),
                Arguments.of(at("ERROR"), callback(UUID, "ERROR"), Expect.ignored(ERROR, 1, Transition.Reason.DUPLICATE)),
                Arguments.of(at("ERROR"), callback(UUID, "PENDING"), Expect.ignored(ERROR, 1, Transition.Reason.LATE)),
                // from SUCCESS: nothing ordinary moves it
                Arguments.of(at("OK"), callback(UUID, "OK"), Expect.ignored(SUCCESS, 1, Transition.Reason.DUPLICATE)),
                Arguments.of(at("OK"), callback(UUID, "ERROR"), Expect.ignored(SUCCESS, 1, Transition.Reason.LATE)),
                Arguments.of(at("OK"), callback(UUID, "PENDING"), Expect.ignored(SUCCESS, 1, Transition.Reason.LATE)),
                // corrections: any status, amount or currency; a repeated one is a duplicate
                Arguments.of(at("OK"), callback(UUID, "ERROR").correction("reconciliation"), Expect.change(ERROR, 2, EventType.CORRECTED)),
                Arguments.of(at("OK"), callback(UUID, "OK").amount("39.90").correction("settlement"), Expect.change(SUCCESS, 2, EventType.CORRECTED)),
                Arguments.of(at("OK"), callback(UUID, "OK").with("currency", "USD").correction("settlement"), Expect.change(SUCCESS, 2, EventType.CORRECTED)),
                Arguments.of(at("OK"), callback(UUID, "OK").correction("settlement"), Expect.ignored(SUCCESS, 1, Transition.Reason.DUPLICATE)),
                Arguments.of(at("OK"), callback(UUID, "OK").amount("49.9").correction("settlement"), Expect.ignored(SUCCESS, 1, Transition.Reason.DUPLICATE)),
                // a correction that first settles a transaction is announced like an ordinary final status
                Arguments.of(at("PENDING"), callback(UUID, "OK").correction("reconciliation"), Expect.change(SUCCESS, 2, EventType.SUCCEEDED)),
                Arguments.of(at("PENDING"), callback(UUID, "PENDING").amount("39.90").correction("reconciliation"), Expect.change(PENDING, 2, EventType.CORRECTED)),
                Arguments.of(at("ERROR"), callback(UUID, "ERROR").amount("39.90").correction("reconciliation"), Expect.change(ERROR, 2, EventType.CORRECTED)),
                // after a correction, ordinary callbacks are late (or duplicates of the corrected status)
                Arguments.of(correctedTo("ERROR"), callback(UUID, "OK"), Expect.ignored(ERROR, 2, Transition.Reason.AFTER_CORRECTION)),
                Arguments.of(correctedTo("ERROR"), callback(UUID, "ERROR"), Expect.ignored(ERROR, 2, Transition.Reason.DUPLICATE)),
                Arguments.of(correctedTo("ERROR"), callback(UUID, "PENDING"), Expect.ignored(ERROR, 2, Transition.Reason.AFTER_CORRECTION)),
                Arguments.of(correctedTo("OK"), callback(UUID, "ERROR"), Expect.ignored(SUCCESS, 1, Transition.Reason.LATE)),
                // a later correction back to PENDING lifts the block again; the latest correction decides
                Arguments.of(correctedBackToPending(), callback(UUID, "OK"), Expect.change(SUCCESS, 4, EventType.SUCCEEDED)),
                // a correction that leaves the transaction PENDING does not stop its real outcome
                Arguments.of(pendingWithCorrectedAmount(), callback(UUID, "OK"), Expect.change(SUCCESS, 3, EventType.SUCCEEDED)),
                Arguments.of(pendingWithCorrectedAmount(), callback(UUID, "PENDING"), Expect.ignored(PENDING, 2, Transition.Reason.DUPLICATE)),
                Arguments.of(correctedTo("ERROR"), callback(UUID, "OK").correction("reconciliation"), Expect.change(SUCCESS, 3, EventType.CORRECTED)),
                Arguments.of(correctedTo("ERROR"), callback(UUID, "ERROR").correction("reconciliation"), Expect.ignored(ERROR, 2, Transition.Reason.DUPLICATE)));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("transitions")
    void appliesTheTransitionTable(Given given, CallbackJson callback, Expect expect) {
        TransactionState before = replay(given.callbacks());
        Transition transition = machine.apply(before, callback.delivery());

        assertThat(transition.next().status()).isEqualTo(expect.status());
        assertThat(transition.next().version()).isEqualTo(expect.version());
        if (expect.ignored() != null) {
            assertThat(transition).isInstanceOf(Transition.Ignored.class);
            assertThat(((Transition.Ignored) transition).reason()).isEqualTo(expect.ignored());
            assertThat(transition.next()).usingRecursiveComparison()
                    .ignoringFields("duplicatesIgnored", "lateIgnored").isEqualTo(before);
        } else {
            TransactionEvent event = ((Transition.Changed) transition).event();
            assertThat(event.type()).isEqualTo(expect.event());
            assertThat(event.transaction().status()).isEqualTo(expect.status());
            assertThat(event.transaction().version()).isEqualTo(expect.version());
            assertThat(event.transaction().previousStatus()).isEqualTo(before == null ? null : before.status());
            assertThat(event.correction() != null).as("correction block present exactly for corrections")
                    .isEqualTo(callback.delivery().isCorrection());
        }
    }

    @Test
    void countsDuplicatesAndLateCallbacksSeparately() {
        TransactionState state = replay(List.of(callback(UUID, "PENDING"), callback(UUID, "OK"), callback(UUID, "OK"),
                callback(UUID, "PENDING"), callback(UUID, "ERROR"), callback(UUID, "OK")));

        assertThat(state.duplicatesIgnored()).isEqualTo(2);
        assertThat(state.lateIgnored()).isEqualTo(2);
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void aCorrectionRecordsWhatItChanged() {
        TransactionState paid = replay(List.of(callback(UUID, "OK")));
        TransactionEvent event = changed(paid, callback(UUID, "OK").amount("39.90").correction("settlement")
                .with("originalAmount", "49.90").with("originalCurrency", "EUR"));

        assertThat(event.transaction().amount()).isEqualTo("39.90");
        assertThat(event.correction().source()).isEqualTo("settlement");
        assertThat(event.correction().previousAmount()).isEqualTo("49.90");
        assertThat(event.correction().previousCurrency()).isEqualTo("EUR");
    }

    @Test
    void eventIdsAreTheSameForTheSameChangeAndDifferForOthers() {
        TransactionEvent first = changed(null, callback(UUID, "PENDING"));
        TransactionEvent again = changed(null, callback(UUID, "PENDING"));
        TransactionEvent next = changed(replay(List.of(callback(UUID, "PENDING"))), callback(UUID, "OK"));
        TransactionEvent otherTransaction = changed(null, callback("another0000000000000", "PENDING"));

        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(next.eventId()).isNotEqualTo(first.eventId());
        assertThat(otherTransaction.eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void theEventCarriesTheReceiveTimeAndTheCallbacksFields() {
        Instant receivedAt = Instant.parse("2026-11-29T08:00:00Z");
        TransactionEvent event = machine.apply(null, callback(UUID, "OK").amount("1234.500")
                .customer("zoe.unal@example.com", "Zoë", "Ünal").delivery(receivedAt)) instanceof Transition.Changed changed
                ? changed.event() : null;

        assertThat(event).isNotNull();
        assertThat(event.occurredAt()).isEqualTo(receivedAt);
        assertThat(event.connector()).isEqualTo(CallbackJson.CONNECTOR);
        assertThat(event.transaction().amount()).isEqualTo("1234.500");
        assertThat(event.transaction().merchantTransactionId()).isEqualTo("order-" + UUID);
        assertThat(event.customer().email()).isEqualTo("zoe.unal@example.com");
        assertThat(event.customer().firstName()).isEqualTo("Zoë");
    }

    @Test
    void keepsWhatEarlierCallbacksSaidWhenALaterOneLeavesItOut() {
        TransactionState pending = pendingWithCustomer();
        TransactionEvent event = changed(pending, callback(UUID, "OK").with("merchantTransactionId", null).with("customer", null));

        assertThat(event.customer().email()).isEqualTo("zoe.unal@example.com");
        assertThat(event.transaction().merchantTransactionId()).isEqualTo("order-" + UUID);
    }

    @Test
    void aLaterCallbackNamingTheCustomerWithoutAnEmailKeepsTheKnownEmail() {
        TransactionState pending = pendingWithCustomer();
        TransactionEvent event = changed(pending, callback(UUID, "OK").with("customer", Map.of("firstName", "Zoe")));

        assertThat(event.customer().email()).isEqualTo("zoe.unal@example.com");
        assertThat(event.customer().firstName()).isEqualTo("Zoe");
        assertThat(event.customer().lastName()).isEqualTo("Ünal");
    }

    @Test
    void aBlankEmailInALaterCallbackKeepsTheKnownEmail() {
        TransactionState pending = pendingWithCustomer();
        TransactionEvent event = changed(pending, callback(UUID, "OK").customer(" ", "Zoë", "Ünal"));

        assertThat(event.customer().email()).isEqualTo("zoe.unal@example.com");
    }

    @Test
    void aBlankEmailWithNoKnownOneLeavesTheEmailOut() {
        TransactionEvent event = changed(null, callback(UUID, "OK").customer(" ", "Zoë", "Ünal"));

        assertThat(event.customer().email()).isNull();
        assertThat(event.customer().firstName()).isEqualTo("Zoë");
    }

    @Test
    void aNewEmailInALaterCallbackReplacesTheKnownOne() {
        TransactionState pending = pendingWithCustomer();
        TransactionEvent event = changed(pending, callback(UUID, "OK").with("customer", Map.of("email", "zoe@example.org")));

        assertThat(event.customer().email()).isEqualTo("zoe@example.org");
        assertThat(event.customer().firstName()).isEqualTo("Zoë");
    }

    private TransactionState pendingWithCustomer() {
        return replay(List.of(callback(UUID, "PENDING").customer("zoe.unal@example.com", "Zoë", "Ünal")));
    }

    @Test
    void anErrorIsReportedAndClearedByALateSuccess() {
        TransactionEvent failed = changed(null, callback(UUID, "ERROR").error("2005", "Transaction Expired"));
        TransactionState afterError = replay(List.of(callback(UUID, "ERROR").error("2005", "Transaction Expired")));
        TransactionEvent succeeded = changed(afterError, callback(UUID, "OK"));

        assertThat(failed.transaction().error().code()).isEqualTo("2005");
        assertThat(failed.transaction().error().message()).isEqualTo("Transaction Expired");
        assertThat(succeeded.transaction().error()).isNull();
    }

    @Test
    void aCorrectionThatKeepsTheErrorKeepsItsDetails() {
        TransactionState failed = replay(List.of(callback(UUID, "ERROR").error("2005", "Transaction Expired")));
        TransactionEvent corrected = changed(failed, callback(UUID, "ERROR").amount("39.90").correction("reconciliation"));

        assertThat(corrected.type()).isEqualTo(EventType.CORRECTED);
        assertThat(corrected.transaction().error().code()).isEqualTo("2005");
    }

    @Test
    void anErrorListIsUsedWhenTheTopLevelFieldsAreMissing() {
        TransactionEvent failed = changed(null, callback(UUID, "ERROR")
                .with("errors", List.of(Map.of("code", "2003", "message", "Declined", "adapterCode", "05"))));

        assertThat(failed.transaction().error().code()).isEqualTo("2003");
        assertThat(failed.transaction().error().adapterCode()).isEqualTo("05");
    }

    static Stream<Arguments> merchantFollowUps() {
        return Stream.of("CAPTURE", "VOID", "REFUND", "INCREMENTAL-AUTHORIZATION").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merchantFollowUps")
    void merchantFollowUpsPointAtTheirParent(String type) {
        TransactionEvent event = changed(null, callback("followup000000000001", "OK").type(type)
                .with("referenceUuid", UUID));

        assertThat(event.transaction().transactionType()).isEqualTo(type);
        assertThat(event.transaction().parentUuid()).isEqualTo(UUID);
        assertThat(event.transaction().chargeback()).isNull();
    }

    @Test
    void aChargebackPointsAtTheDisputedPayment() {
        TransactionEvent event = changed(null, callback("chargeback0000000001", "OK").type("CHARGEBACK")
                .with("chargebackData", Map.of("originalUuid", UUID, "originalMerchantTransactionId", "order-" + UUID,
                        "amount", 49.90, "currency", "EUR", "reason", "fraud", "chargebackDateTime", "2026-11-20T10:00:00Z")));

        assertThat(event.transaction().parentUuid()).isEqualTo(UUID);
        assertThat(event.transaction().chargeback().originalUuid()).isEqualTo(UUID);
        assertThat(event.transaction().chargeback().amount()).isEqualTo("49.9");
        assertThat(event.transaction().chargeback().reason()).isEqualTo("fraud");
        assertThat(event.transaction().chargeback().at()).isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void aChargebackReversalPointsAtThePaymentAndNamesTheChargeback() {
        TransactionEvent event = changed(null, callback("reversal000000000001", "OK").type("CHARGEBACK-REVERSAL")
                .with("chargebackReversalData", Map.of("originalUuid", UUID, "chargebackUuid", "chargeback0000000001",
                        "amount", "49.90", "currency", "EUR", "reason", "merchant won", "reversalDateTime", "2026-11-25T10:00:00Z")));

        assertThat(event.transaction().parentUuid()).isEqualTo(UUID);
        assertThat(event.transaction().chargeback().chargebackUuid()).isEqualTo("chargeback0000000001");
        assertThat(event.transaction().chargeback().at()).isEqualTo("2026-11-25T10:00:00Z");
    }

    private TransactionState replay(List<CallbackJson> callbacks) {
        return finalState(machine, callbacks);
    }

    private TransactionEvent changed(TransactionState before, CallbackJson callback) {
        Transition transition = machine.apply(before, callback.delivery());
        assertThat(transition).isInstanceOf(Transition.Changed.class);
        return ((Transition.Changed) transition).event();
    }

    static List<TransactionEvent> events(TransactionStateMachine machine, List<CallbackJson> callbacks) {
        List<TransactionEvent> events = new ArrayList<>();
        TransactionState state = null;
        for (CallbackJson callback : callbacks) {
            Transition transition = machine.apply(state, callback.delivery());
            if (transition instanceof Transition.Changed changed) {
                events.add(changed.event());
            }
            state = transition.next();
        }
        return events;
    }

    static TransactionState finalState(TransactionStateMachine machine, List<CallbackJson> callbacks) {
        TransactionState state = null;
        for (CallbackJson callback : callbacks) {
            state = machine.apply(state, callback.delivery()).next();
        }
        return state;
    }
}
