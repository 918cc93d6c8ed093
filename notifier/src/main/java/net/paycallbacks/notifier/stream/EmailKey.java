package net.paycallbacks.notifier.stream;

import net.paycallbacks.notifier.email.EmailKind;

/** The key of the delivery and retry stores: one email per transaction and kind, e.g. {@code <uuid>/refund}. */
final class EmailKey {

    private EmailKey() {
    }

    static String of(String transactionUuid, EmailKind kind) {
        return transactionUuid + "/" + kind.configName();
    }
}
