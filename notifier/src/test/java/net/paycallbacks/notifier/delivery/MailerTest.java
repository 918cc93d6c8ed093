package net.paycallbacks.notifier.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventIds;
import net.paycallbacks.common.events.EventTransaction;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import net.paycallbacks.kafka.FreePorts;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailTemplates;
import net.paycallbacks.notifier.smtp.SmtpSender;
import net.paycallbacks.notifier.smtp.SmtpSettings;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which send failures are worth another try, built the way Jakarta Mail (Angus) reports them. Their
 * messages name the customer's address; the classification's detail never does.
 */
class MailerTest {

    private static final String ADDRESS = "zoe.unal@example.com";

    @Test
    void aRecipientRefusedWithA5xxReplyIsPermanent() throws AddressException {
        SendResult.Failed failed = Mailer.classify(invalidAddresses(refusedRecipient(550)));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("recipient-refused");
        assertThat(failed.detail()).contains("550");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aRecipientRefusedWithA4xxReplyIsWorthAnotherTry() throws AddressException {
        SendResult.Failed failed = Mailer.classify(invalidAddresses(refusedRecipient(450)));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("recipient-refused");
        assertThat(failed.detail()).contains("450");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aRefusedRecipientIsRecognisedAlsoWhenNotWrapped() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedRecipient(550));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("recipient-refused");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aMessageRefusedWithA5xxReplyIsPermanent() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedMessage(554));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("message-refused");
        assertThat(failed.detail()).contains("554");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aMessageRefusedWithA4xxReplyIsWorthAnotherTry() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedMessage(451));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("message-refused");
        assertThat(failed.mayBeTheServer()).isTrue();
        assertNoAddressIn(failed);
    }

    @Test
    void aMalformedAddressIsPermanent() {
        SendResult.Failed failed = Mailer.classify(malformed());

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("invalid-address");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aMalformedAddressIsRecognisedAsTheNextExceptionOfAnother() {
        SendResult.Failed failed = Mailer.classify(new MessagingException("Illegal address " + ADDRESS, malformed()));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("invalid-address");
        assertThat(failed.mayBeTheServer()).isFalse();
        assertNoAddressIn(failed);
    }

    @Test
    void aMailServerThatCannotBeReachedIsWorthAnotherTry() {
        MailConnectException unreachable = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "mail.internal", 587, 10_000));

        SendResult.Failed failed = Mailer.classify(unreachable);

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("smtp-unreachable");
        assertThat(failed.mayBeTheServer()).isTrue();
    }

    @Test
    void anyOtherMessagingFailureIsWorthAnotherTryAndNamedOnlyByItsType() {
        SendResult.Failed failed = Mailer.classify(new MessagingException("[EOF] while talking to " + ADDRESS));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("smtp-error");
        assertThat(failed.detail()).isEqualTo("MessagingException");
        assertThat(failed.mayBeTheServer()).isTrue();
        assertNoAddressIn(failed);
    }

    @Test
    void aRuntimeExceptionFromTheSenderIsATransientSmtpErrorThatMayBeTheServer() {
        // The real sender, no mock: an address of null makes Jakarta Mail's InternetAddress throw a
        // NullPointerException while the message is built, before any connection is tried.
        SmtpSettings smtp = SmtpSettings.from(new Env(Map.of(
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(FreePorts.any()), "SMTP_STARTTLS", "disabled",
                "SMTP_CONNECT_TIMEOUT", "500", "MAIL_FROM", "Shop <orders@shop.example>")));
        EventCustomer withoutAddress = new EventCustomer(null, null, null);
        SendResult result;
        try (SmtpSender sender = new SmtpSender(smtp)) {
            result = new Mailer(new EmailTemplates(Optional.empty(), Locale.US), sender, smtp.messageIdDomain())
                    .send(EmailKind.PAYMENT_CONFIRMATION, payment(), withoutAddress);
        }

        assertThat(result).isInstanceOf(SendResult.Failed.class);
        SendResult.Failed failed = (SendResult.Failed) result;
        assertThat(failed.detail()).as("the sender threw a RuntimeException").isEqualTo("NullPointerException");
        assertThat(failed.reason()).isEqualTo("smtp-error");
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.mayBeTheServer()).isTrue();
    }

    @Test
    void aChainOfNextExceptionsThatLoopsEndsInAnAnswer() {
        // setNextException appends at the end of the chain, so two calls can close a loop.
        MessagingException first = new MessagingException("first");
        MessagingException second = new MessagingException("second");
        first.setNextException(second);
        second.setNextException(first);

        assertThat(Mailer.classify(first).reason()).isEqualTo("smtp-error");
    }

    private static TransactionEvent payment() {
        String uuid = "debit000000000000001";
        return new TransactionEvent(TransactionEvent.SCHEMA_VERSION, EventIds.of(uuid, 2, EventType.SUCCEEDED),
                EventType.SUCCEEDED, Instant.parse("2026-11-29T10:00:00Z"), "shop-eu",
                new EventTransaction(uuid, "order-" + uuid, "20261129-" + uuid, "DEBIT", "Creditcard", "49.90", "EUR",
                        TransactionStatus.SUCCESS, TransactionStatus.PENDING, 2, null, null, null),
                null, null);
    }

    /** What Transport.send throws when the server refuses the RCPT: the refusal is the next exception. */
    private static SendFailedException invalidAddresses(SMTPAddressFailedException refusal) throws AddressException {
        return new SendFailedException("Invalid Addresses", refusal, new Address[0], new Address[0],
                new Address[] {new InternetAddress(ADDRESS)});
    }

    private static SMTPAddressFailedException refusedRecipient(int code) throws AddressException {
        return new SMTPAddressFailedException(new InternetAddress(ADDRESS), "RCPT TO:<" + ADDRESS + ">", code,
                code + " 5.1.1 <" + ADDRESS + ">: Recipient address rejected");
    }

    private static SMTPSendFailedException refusedMessage(int code) throws AddressException {
        return new SMTPSendFailedException("DATA", code, code + " Message to " + ADDRESS + " rejected as spam", null,
                new Address[0], new Address[] {new InternetAddress(ADDRESS)}, new Address[0]);
    }

    private static AddressException malformed() {
        return new AddressException("Domain contains illegal character", "zoe.unal@exa mple.com", 12);
    }

    private static void assertNoAddressIn(SendResult.Failed failed) {
        assertThat(failed.detail()).doesNotContain(ADDRESS).doesNotContain("zoe").doesNotContain("@");
    }
}
