package net.paycallbacks.notifier.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

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
        assertNoAddressIn(failed);
    }

    @Test
    void aRecipientRefusedWithA4xxReplyIsWorthAnotherTry() throws AddressException {
        SendResult.Failed failed = Mailer.classify(invalidAddresses(refusedRecipient(450)));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("recipient-refused");
        assertThat(failed.detail()).contains("450");
        assertNoAddressIn(failed);
    }

    @Test
    void aRefusedRecipientIsRecognisedAlsoWhenNotWrapped() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedRecipient(550));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("recipient-refused");
        assertNoAddressIn(failed);
    }

    @Test
    void aMessageRefusedWithA5xxReplyIsPermanent() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedMessage(554));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("message-refused");
        assertThat(failed.detail()).contains("554");
        assertNoAddressIn(failed);
    }

    @Test
    void aMessageRefusedWithA4xxReplyIsWorthAnotherTry() throws AddressException {
        SendResult.Failed failed = Mailer.classify(refusedMessage(451));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("message-refused");
        assertNoAddressIn(failed);
    }

    @Test
    void aMalformedAddressIsPermanent() {
        SendResult.Failed failed = Mailer.classify(malformed());

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("invalid-address");
        assertNoAddressIn(failed);
    }

    @Test
    void aMalformedAddressIsRecognisedAsTheNextExceptionOfAnother() {
        SendResult.Failed failed = Mailer.classify(new MessagingException("Illegal address " + ADDRESS, malformed()));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("invalid-address");
        assertNoAddressIn(failed);
    }

    @Test
    void aMailServerThatCannotBeReachedIsWorthAnotherTry() {
        MailConnectException unreachable = new MailConnectException(new SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "mail.internal", 587, 10_000));

        SendResult.Failed failed = Mailer.classify(unreachable);

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("smtp-unreachable");
    }

    @Test
    void anyOtherMessagingFailureIsWorthAnotherTryAndNamedOnlyByItsType() {
        SendResult.Failed failed = Mailer.classify(new MessagingException("[EOF] while talking to " + ADDRESS));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("smtp-error");
        assertThat(failed.detail()).isEqualTo("MessagingException");
        assertNoAddressIn(failed);
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
