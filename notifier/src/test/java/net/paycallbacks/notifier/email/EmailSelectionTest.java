package net.paycallbacks.notifier.email;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;

import static net.paycallbacks.notifier.email.Events.ZOE;
import static net.paycallbacks.notifier.email.Events.event;
import static net.paycallbacks.notifier.email.Events.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailSelectionTest {

    @ParameterizedTest(name = "{0} succeeded -> {1}")
    @CsvSource({"DEBIT, PAYMENT_CONFIRMATION", "PREAUTHORIZE, AUTHORIZATION_CONFIRMATION", "REFUND, REFUND_CONFIRMATION",
            "debit, PAYMENT_CONFIRMATION"})
    void aSuccessfulPaymentAuthorizationOrRefundCallsForItsEmail(String transactionType, EmailKind kind) {
        assertThat(EmailKinds.all().select(succeeded(transactionType))).contains(kind);
    }

    @ParameterizedTest(name = "{0} succeeded -> nothing")
    @CsvSource({"CAPTURE", "VOID", "CHARGEBACK", "REGISTER", "PAYOUT"})
    void otherSuccessfulTransactionsSendNothing(String transactionType) {
        assertThat(EmailKinds.all().select(succeeded(transactionType))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> nothing")
    @CsvSource({"PENDING", "FAILED", "CORRECTED"})
    void failedPendingAndCorrectedEventsSendNothing(EventType type) {
        assertThat(EmailKinds.all().select(event(type, "DEBIT", ZOE, null))).isEmpty();
    }

    @Test
    void onlyTheConfiguredKindsAreSent() {
        EmailKinds kinds = EmailKinds.parse("NOTIFY_EMAIL_KINDS", " payment , refund ");

        assertThat(kinds.enabled()).isEqualTo(EnumSet.of(EmailKind.PAYMENT_CONFIRMATION, EmailKind.REFUND_CONFIRMATION));
        assertThat(kinds.select(succeeded("PREAUTHORIZE"))).isEmpty();
        assertThat(kinds.select(succeeded("REFUND"))).contains(EmailKind.REFUND_CONFIRMATION);
        assertThat(EmailKinds.parse("NOTIFY_EMAIL_KINDS", "").select(succeeded("DEBIT"))).isEmpty();
    }

    @Test
    void anUnknownKindIsRefusedNamingTheVariableAndTheKnownKinds() {
        assertThatThrownBy(() -> EmailKinds.parse("NOTIFY_EMAIL_KINDS", "payment,capture"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NOTIFY_EMAIL_KINDS")
                .hasMessageContaining("capture")
                .hasMessageContaining("payment, authorization, refund");
    }
}
