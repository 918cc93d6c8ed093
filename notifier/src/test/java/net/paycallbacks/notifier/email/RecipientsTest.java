package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static net.paycallbacks.notifier.email.Events.ZOE;
import static net.paycallbacks.notifier.email.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

class RecipientsTest {

    private static final String PARENT = "debit0000000000000001";
    private final Recipients recipients = new Recipients(uuid -> Optional.ofNullable(Map.of(PARENT, ZOE).get(uuid)));

    @Test
    void theCustomerOnTheEventGetsTheEmail() {
        EventCustomer other = new EventCustomer("other@example.com", "Ola", "Nordmann");

        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", other, PARENT))).contains(other);
    }

    @Test
    void aFollowUpWithoutCustomerDataGoesToItsParentsCustomer() {
        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", null, PARENT))).contains(ZOE);
    }

    @Test
    void aCustomerWithoutAnEmailAddressCountsAsNone() {
        EventCustomer nameOnly = new EventCustomer(null, "Zoë", "Ünal");

        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", nameOnly, PARENT))).contains(ZOE);
        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", nameOnly, null))).isEmpty();
    }

    @Test
    void withoutCustomerAndWithoutAKnownParentThereIsNoRecipient() {
        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", null, null))).isEmpty();
        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", null, "unknown00000000000001"))).isEmpty();
    }
}
