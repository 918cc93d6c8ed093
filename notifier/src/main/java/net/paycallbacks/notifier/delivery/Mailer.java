package net.paycallbacks.notifier.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailTemplates;
import net.paycallbacks.notifier.email.MessageIds;
import net.paycallbacks.notifier.email.RenderedEmail;
import net.paycallbacks.notifier.smtp.SmtpSender;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import java.util.ArrayList;
import java.util.List;

/** Renders and sends one email, and says whether a failure is worth another try. */
public final class Mailer {

    private final EmailTemplates templates;
    private final SmtpSender sender;
    private final String messageIdDomain;

    public Mailer(EmailTemplates templates, SmtpSender sender, String messageIdDomain) {
        this.templates = templates;
        this.sender = sender;
        this.messageIdDomain = messageIdDomain;
    }

    public SendResult send(EmailKind kind, TransactionEvent event, EventCustomer recipient) {
        RenderedEmail email;
        try {
            email = templates.render(kind, event, recipient);
        } catch (RuntimeException templateBroken) {
            // An operator's template is broken: retry, so that fixing it (or a redrive after) still delivers.
            return new SendResult.Failed(false, "template-failed", templateBroken.getMessage(), false);
        }
        try {
            sender.send(recipient, email, MessageIds.of(event.transaction().uuid(), kind, messageIdDomain));
            return new SendResult.Sent();
        } catch (MessagingException e) {
            return classify(e);
        } catch (RuntimeException unexpected) {
            // Jakarta Mail's own bugs or an odd server answer: retried, never a stopped service.
            return new SendResult.Failed(false, "smtp-error", unexpected.getClass().getSimpleName(), true);
        }
    }

    /** Jakarta Mail's messages can contain the recipient's address: only codes and types leave here. */
    static SendResult.Failed classify(MessagingException failure) {
        for (Exception cause : chain(failure)) {
            if (cause instanceof AddressException) {
                return new SendResult.Failed(true, "invalid-address", "the customer's email address is malformed", false);
            }
            if (cause instanceof SMTPAddressFailedException refused) {
                return smtpReply(refused.getReturnCode(), "recipient-refused", "the server refused the recipient", false);
            }
            if (cause instanceof SMTPSendFailedException refused) {
                return smtpReply(refused.getReturnCode(), "message-refused", "the server refused the message", true);
            }
            if (cause instanceof MailConnectException) {
                return new SendResult.Failed(false, "smtp-unreachable", "cannot connect to the mail server", true);
            }
        }
        return new SendResult.Failed(false, "smtp-error", failure.getClass().getSimpleName(), true);
    }

    /** 5xx replies are permanent in SMTP (RFC 5321 section 4.2.1); 4xx ones say "try again later". */
    private static SendResult.Failed smtpReply(int code, String reason, String what, boolean aboutTheServer) {
        boolean permanent = code >= 500;
        return new SendResult.Failed(permanent, reason, what + " with reply code " + code, aboutTheServer && !permanent);
    }

    private static List<Exception> chain(MessagingException failure) {
        List<Exception> chain = new ArrayList<>();
        Exception next = failure;
        while (next != null && chain.size() < 10) {
            chain.add(next);
            next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return chain;
    }
}
