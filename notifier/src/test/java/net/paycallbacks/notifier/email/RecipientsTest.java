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

    private static final String AUTHORIZATION = "preauth0000000000001";
    private static final String CAPTURE = "capture0000000000001";
    private static final String NAMELESS = "debit000000000000009";
    private static final Map<String, TransactionContact> REMEMBERED = Map.of(
            AUTHORIZATION, new TransactionContact(ZOE, null),
            CAPTURE, new TransactionContact(null, AUTHORIZATION),
            NAMELESS, new TransactionContact(null, null));
    private final Recipients recipients = new Recipients(uuid -> Optional.ofNullable(REMEMBERED.get(uuid)));

    @Test
    void theCustomerOnTheEventGetsTheEmail() {
        EventCustomer other = new EventCustomer("other@example.com", "Ola", "Nordmann");

        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", other, AUTHORIZATION))).isEqualTo(new Recipient.Known(other));
    }

    @Test
    void aFollowUpWithoutCustomerDataGoesToItsParentsCustomer() {
        assertThat(recipients.of(event(EventType.SUCCEEDED, "CAPTURE", null, AUTHORIZATION))).isEqualTo(new Recipient.Known(ZOE));
    }

    @Test
    void aRefundOfACaptureGoesToTheCustomerOfTheAuthorizationItCaptured() {
        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", null, CAPTURE))).isEqualTo(new Recipient.Known(ZOE));
    }

    @Test
    void aCustomerWithoutAnEmailAddressCountsAsNone() {
        EventCustomer nameOnly = new EventCustomer(null, "Zoë", "Ünal");

        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", nameOnly, AUTHORIZATION))).isEqualTo(new Recipient.Known(ZOE));
        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", nameOnly, null))).isEqualTo(new Recipient.None());
    }

    @Test
    void aParentNotSeenYetIsAwaitedAndAParentWithoutCustomerMeansNobody() {
        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", null, "unknown0000000000001")))
                .isEqualTo(new Recipient.AwaitingParent("unknown0000000000001"));
        assertThat(recipients.of(event(EventType.SUCCEEDED, "REFUND", null, NAMELESS))).isEqualTo(new Recipient.None());
        assertThat(recipients.of(event(EventType.SUCCEEDED, "DEBIT", null, null))).isEqualTo(new Recipient.None());
    }

    @Test
    void aCycleInTheParentsEndsWithNobody() {
        Map<String, TransactionContact> cycle = Map.of("a0000000000000000001", new TransactionContact(null, "b0000000000000000001"),
                "b0000000000000000001", new TransactionContact(null, "a0000000000000000001"));
        Recipients looping = new Recipients(uuid -> Optional.ofNullable(cycle.get(uuid)));

        assertThat(looping.of(event(EventType.SUCCEEDED, "REFUND", null, "a0000000000000000001"))).isEqualTo(new Recipient.None());
    }
}
