package net.paycallbacks.notifier.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    private static final String UUID = "d94c0d72f3a36e21f16e";

    @Test
    void theSameTransactionAndKindAlwaysGiveTheSameId() {
        assertThat(MessageIds.of(UUID, EmailKind.PAYMENT_CONFIRMATION, "shop.example"))
                .isEqualTo(MessageIds.of(UUID, EmailKind.PAYMENT_CONFIRMATION, "shop.example"));
    }

    @Test
    void anotherKindOrTransactionGivesAnotherId() {
        String payment = MessageIds.of(UUID, EmailKind.PAYMENT_CONFIRMATION, "shop.example");

        assertThat(MessageIds.of(UUID, EmailKind.REFUND_CONFIRMATION, "shop.example")).isNotEqualTo(payment);
        assertThat(MessageIds.of("e94c0d72f3a36e21f16e", EmailKind.PAYMENT_CONFIRMATION, "shop.example")).isNotEqualTo(payment);
    }

    @Test
    void isAValidMessageIdWithoutTheTransactionUuid() {
        String id = MessageIds.of(UUID, EmailKind.PAYMENT_CONFIRMATION, "shop.example");

        assertThat(id).matches("<[0-9a-f]{40}\\.payment@shop\\.example>").doesNotContain(UUID);
    }
}
