package net.paycallbacks.notifier.smtp;

import java.util.Locale;
import java.util.Optional;

/** {@code SMTP_STARTTLS}: whether the connection to the mail server is upgraded to TLS. */
public enum StartTls {
    /** Plain SMTP, for a mail server on the same host or network only. */
    DISABLED,
    /** TLS when the server offers it, plain otherwise. */
    OPTIONAL,
    /** TLS or no email: the send fails if the server does not offer it. */
    REQUIRED;

    public static Optional<StartTls> fromConfig(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
