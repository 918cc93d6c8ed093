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
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends emails over SMTP (Jakarta Mail, Angus): multipart/alternative, UTF-8, our own Message-ID.
 * Each sending thread keeps its connection open between emails: opening one costs more than
 * sending an email over it (about 45 ms against 2 ms to a local server).
 */
public final class SmtpSender implements AutoCloseable {

    /** A connection idle this long is checked (NOOP) before use: the server may have closed it. */
    static final Duration CHECK_WHEN_IDLE = Duration.ofSeconds(5);

    private final SmtpSettings settings;
    private final Session session;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
        Connection opened = new Connection();
        connections.add(opened);
        return opened;
    });

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
        connection.get().send(message);
    }

    @Override
    public void close() {
        connections.forEach(Connection::close);
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

    /** One thread's connection to the mail server; closed after any failure, so the next email reconnects. */
    private final class Connection {
        private Transport transport;
        private long lastUsedNanos;

        void send(MimeMessage message) throws MessagingException {
            boolean reused = transport != null;
            try {
                sendOnce(message);
            } catch (MessagingException staleConnection) {
                if (!reused || !isStaleConnection(staleConnection)) {
                    throw staleConnection;
                }
                // The server dropped the kept connection (an idle timeout, a per-connection limit): try once afresh.
                sendOnce(message);
            }
        }

        private void sendOnce(MimeMessage message) throws MessagingException {
            try {
                connected().sendMessage(message, message.getAllRecipients());
                lastUsedNanos = System.nanoTime();
            } catch (MessagingException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Transport connected() throws MessagingException {
            boolean idle = System.nanoTime() - lastUsedNanos > CHECK_WHEN_IDLE.toNanos();
            if (transport != null && idle && !transport.isConnected()) {
                close();
            }
            if (transport == null) {
                Transport fresh = session.getTransport();
                if (settings.username().isPresent()) {
                    fresh.connect(settings.username().get(), settings.password().orElseThrow());
                } else {
                    fresh.connect();
                }
                transport = fresh;
            }
            return transport;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException alreadyBroken) {
                    // Closing is best effort; the next email opens a new connection.
                }
                transport = null;
            }
        }
    }

    /**
     * A kept connection that the server dropped: the socket failed, or the server said 421 (closing
     * the channel). Not a refusal of this message, so it is sent again at once; only if the socket
     * broke while the server was confirming the message could it arrive twice (same Message-ID).
     */
    static boolean isStaleConnection(MessagingException failure) {
        if (failure instanceof SMTPSendFailedException refused) {
            return refused.getReturnCode() == 421;
        }
        return failure.getCause() instanceof IOException; // MessagingException's cause is its next exception
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
