package net.paycallbacks.notifier.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.kafka.FreePorts;
import net.paycallbacks.notifier.email.RenderedEmail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sender against a real SMTP server (GreenMail), over a real socket. */
class SmtpSenderTest {

    private static final int PORT = FreePorts.any();
    private static final EventCustomer ZOE = new EventCustomer("zoe.unal@example.com", "Zoë", "Ünal");
    private static final RenderedEmail EMAIL = new RenderedEmail("Payment received: order-1, €49.90",
            "Dear Zoë Ünal,\nthank you.", "<p>Dear Zoë Ünal,</p>");
    private static final String MESSAGE_ID = "<0123abcd.payment@shop.example>";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "mailer-secret"))
            .withPerMethodLifecycle(true);

    @Test
    void sendsAMultipartAlternativeUtf8EmailWithOurMessageId() throws Exception {
        new SmtpSender(settings(Map.of())).send(ZOE, EMAIL, MESSAGE_ID);

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Payment received: order-1, €49.90");
        assertThat(received.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(((InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo("Zoë Ünal");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("orders@shop.example");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
        // SMTP carries lines ending in CRLF.
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo("Dear Zoë Ünal,\nthank you.");
        assertThat(parts.getBodyPart(1).getContentType()).contains("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).isEqualTo("<p>Dear Zoë Ünal,</p>");
    }

    @Test
    void logsInWhenAUserNameIsSet() throws Exception {
        new SmtpSender(settings(Map.of("SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "mailer-secret"))).send(ZOE, EMAIL, MESSAGE_ID);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0])).contains("text/html; charset=UTF-8");
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsSent() {
        SmtpSender sender = new SmtpSender(settings(Map.of("SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "wrong")));

        assertThatThrownBy(() -> sender.send(ZOE, EMAIL, MESSAGE_ID)).isInstanceOf(MessagingException.class);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsRefusesAServerThatDoesNotOfferIt() {
        SmtpSender sender = new SmtpSender(settings(Map.of("SMTP_STARTTLS", "required")));

        assertThatThrownBy(() -> sender.send(ZOE, EMAIL, MESSAGE_ID)).isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void noServerListeningFailsWithinTheConnectTimeout() {
        SmtpSender sender = new SmtpSender(settings(Map.of("SMTP_PORT", Integer.toString(FreePorts.any()),
                "SMTP_CONNECT_TIMEOUT", "2000")));

        assertThatThrownBy(() -> sender.send(ZOE, EMAIL, MESSAGE_ID)).isInstanceOf(MessagingException.class);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedWithoutFailingTheEmail() throws Exception {
        int port = FreePorts.any();
        try (SmtpSender sender = new SmtpSender(settings(Map.of("SMTP_PORT", Integer.toString(port))))) {
            GreenMail first = started(port);
            sender.send(ZOE, EMAIL, "<1.payment@shop.example>");
            sender.send(ZOE, EMAIL, "<2.payment@shop.example>");
            assertThat(first.getReceivedMessages()).hasSize(2);
            first.stop();

            GreenMail second = started(port);
            try {
                // The kept connection died with the first server: the sender notices and opens a new one.
                sender.send(ZOE, EMAIL, "<3.payment@shop.example>");
                sender.send(ZOE, EMAIL, "<4.payment@shop.example>");

                assertThat(second.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                        .containsExactly("<3.payment@shop.example>", "<4.payment@shop.example>");
            } finally {
                second.stop();
            }
        }
    }

    private static GreenMail started(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static SmtpSettings settings(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(PORT), "SMTP_STARTTLS", "disabled",
                "MAIL_FROM", "Shop <orders@shop.example>"));
        environment.putAll(overrides);
        return SmtpSettings.from(new Env(environment));
    }
}
