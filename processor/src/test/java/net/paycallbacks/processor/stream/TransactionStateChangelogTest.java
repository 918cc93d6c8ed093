package net.paycallbacks.processor.stream;

import net.paycallbacks.common.events.EventChargeback;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventError;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.processor.state.TransactionState;
import net.paycallbacks.streams.StoreJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A crash restores the store from its changelog in this format: every field must survive the trip. */
class TransactionStateChangelogTest {

    @Test
    void aFullStateSurvivesTheChangelogFormat() {
        TransactionState state = new TransactionState("chargeback0000000001", "shop-eu", "auto-chargeback0000000001",
                "20261129-chargeback0000000001", "CHARGEBACK", "Creditcard", "49.90", "EUR", TransactionStatus.ERROR, 3,
                "d94c0d72f3a36e21f16e", new EventError("2005", "Transaction Expired", "E1", "adapter said no"),
                new EventChargeback("d94c0d72f3a36e21f16e", "order-1", null, "49.90", "EUR", "fraud", "2026-11-20T10:00:00Z"),
                new EventCustomer("zoe.unal@example.com", "Zoë", "Ünal"), true,
                Instant.parse("2026-11-29T10:15:30.123456789Z"), 4, 2);

        TransactionState restored = StoreJson.read(StoreJson.write(state), TransactionState.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(state);
    }

    @Test
    void aStateWithAFieldFromANewerVersionStillRestores() {
        String json = new String(StoreJson.write(new TransactionState("u1", "shop-eu", null, null, null, null, "1.00",
                "EUR", TransactionStatus.PENDING, 1, null, null, null, null, false, Instant.EPOCH, 0, 0)),
                StandardCharsets.UTF_8);

        TransactionState restored = StoreJson.read(json.replace("{", "{\"addedLater\":true,").getBytes(StandardCharsets.UTF_8),
                TransactionState.class);

        assertThat(restored.uuid()).isEqualTo("u1");
        assertThat(restored.amount()).isEqualTo("1.00");
    }
}
