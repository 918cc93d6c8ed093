package net.paycallbacks.notifier.delivery;

/** What became of one attempt to send an email. */
public sealed interface SendResult {

    record Sent() implements SendResult {
    }

    /**
     * @param permanent true when trying again cannot help (the server refused the address or the
     *                  message for good); the email then goes to the dead-letter topic at once
     * @param reason    a short label for metrics and the dead-letter header, e.g. {@code smtp-unreachable}
     * @param detail    one line for people: the SMTP reply code or the exception's type, never an address
     * @param mayBeTheServer true when the mail server itself may be failing (unreachable, a 4xx to the
     *                  message), so that the other emails should wait too; false for this email's own problems
     */
    record Failed(boolean permanent, String reason, String detail, boolean mayBeTheServer) implements SendResult {
    }
}
