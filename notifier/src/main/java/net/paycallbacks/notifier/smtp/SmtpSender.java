package net.paycallbacks.notifier.smtp;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.notifier.email.RenderedEmail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends one email over SMTP (Jakarta Mail, Angus): multipart/alternative, UTF-8, our own Message-ID. */
public final class SmtpSender {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls() != StartTls.DISABLED));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls() == StartTls.REQUIRED));
        // With TLS, the server must prove it is the host we asked for, not just any certificate holder.
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    /** Throws when the server refuses or cannot be reached; the caller decides whether to retry. */
    public void send(EventCustomer recipient, RenderedEmail email, String messageId) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, to(recipient));
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(email.text(), "plain"));
        alternatives.addBodyPart(part(email.html(), "html"));
        message.setContent(alternatives);
        message.saveChanges();
        if (settings.username().isPresent()) {
            Transport.send(message, settings.username().get(), settings.password().orElseThrow());
        } else {
            Transport.send(message);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private static InternetAddress to(EventCustomer recipient) throws MessagingException {
        String name = String.join(" ", java.util.stream.Stream.of(recipient.firstName(), recipient.lastName())
                .filter(part -> part != null && !part.isBlank()).toList());
        try {
            return name.isEmpty() ? new InternetAddress(recipient.email(), true)
                    : new InternetAddress(recipient.email(), name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /** Jakarta Mail would invent a new Message-ID on every save; ours must stay the same for a resend. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
