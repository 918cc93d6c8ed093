package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer emails there are, each the answer to one kind of successful transaction. Failed,
 * pending and captured transactions, and corrections, send nothing.
 */
public enum EmailKind {
    PAYMENT_CONFIRMATION("payment", "DEBIT"),
    AUTHORIZATION_CONFIRMATION("authorization", "PREAUTHORIZE"),
    REFUND_CONFIRMATION("refund", "REFUND");

    private final String configName;
    private final String transactionType;

    EmailKind(String configName, String transactionType) {
        this.configName = configName;
        this.transactionType = transactionType;
    }

    /** The name used in configuration, templates' file names and the Message-ID. */
    public String configName() {
        return configName;
    }

    /** The email an event calls for, if any: only a transaction that has just succeeded gets one. */
    public static Optional<EmailKind> forEvent(TransactionEvent event) {
        if (event.type() != EventType.SUCCEEDED || event.transaction().transactionType() == null) {
            return Optional.empty();
        }
        String type = event.transaction().transactionType().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.transactionType.equals(type)).findFirst();
    }

    public static Optional<EmailKind> fromConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.configName.equals(wanted)).findFirst();
    }
}
