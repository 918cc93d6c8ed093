package net.paycallbacks.notifier.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the mail server, from the design's variables ({@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code SMTP_STARTTLS}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code MAIL_FROM}) plus timeouts.
 *
 * @param from the sender, e.g. {@code "Shop <orders@shop.example>"}; its domain also ends every Message-ID
 */
public record SmtpSettings(String host, int port, StartTls startTls, Optional<String> username,
                           Optional<String> password, Duration connectTimeout, Duration readTimeout,
                           InternetAddress from) {

    public static final String SMTP_HOST = "SMTP_HOST";
    public static final String SMTP_PORT = "SMTP_PORT";
    public static final String SMTP_STARTTLS = "SMTP_STARTTLS";
    public static final String SMTP_USERNAME = "SMTP_USERNAME";
    public static final String SMTP_PASSWORD = "SMTP_PASSWORD";
    public static final String SMTP_CONNECT_TIMEOUT = "SMTP_CONNECT_TIMEOUT";
    public static final String SMTP_READ_TIMEOUT = "SMTP_READ_TIMEOUT";
    public static final String MAIL_FROM = "MAIL_FROM";

    public SmtpSettings {
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigException(username.isPresent() ? SMTP_PASSWORD : SMTP_USERNAME,
                    "must be set together with " + (username.isPresent() ? SMTP_USERNAME : SMTP_PASSWORD));
        }
    }

    public static SmtpSettings from(Env env) {
        String startTls = env.string(SMTP_STARTTLS, "required");
        return new SmtpSettings(
                env.required(SMTP_HOST),
                env.integer(SMTP_PORT, 587, 1, 65535),
                StartTls.fromConfig(startTls).orElseThrow(() ->
                        new ConfigException(SMTP_STARTTLS, "must be disabled, optional or required")),
                env.optional(SMTP_USERNAME),
                env.optional(SMTP_PASSWORD),
                env.duration(SMTP_CONNECT_TIMEOUT, Duration.ofSeconds(10)),
                env.duration(SMTP_READ_TIMEOUT, Duration.ofSeconds(30)),
                address(env.required(MAIL_FROM)));
    }

    /** The part of MAIL_FROM after the @, used to end Message-IDs. */
    public String messageIdDomain() {
        String address = from.getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + describe() + "]";
    }

    /** For the start-up log line: never the password. */
    public String describe() {
        return "smtp=" + host + ":" + port + ", startTls=" + startTls.name().toLowerCase(java.util.Locale.ROOT)
                + ", auth=" + (username.isPresent() ? "yes" : "no")
                + ", connectTimeout=" + connectTimeout.toMillis() + "ms, readTimeout=" + readTimeout.toMillis() + "ms"
                + ", from=" + from.getAddress();
    }

    private static InternetAddress address(String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (!address.getAddress().contains("@")) {
                throw new ConfigException(MAIL_FROM, "must be an address with a domain, like orders@shop.example");
            }
            return address;
        } catch (AddressException e) {
            throw new ConfigException(MAIL_FROM, "is not an email address");
        }
    }
}
