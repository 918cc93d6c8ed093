package net.paycallbacks.common.events;

/**
 * A transaction's status, declared in the order it may move: PENDING, then ERROR, then SUCCESS
 * (IXOPAY documents late successes after an error, never the reverse outside a correction).
 */
public enum TransactionStatus {
    PENDING,
    ERROR,
    SUCCESS;

    /** The status IXOPAY's {@code result} field stands for, if it is one of its three wire values. */
    public static java.util.Optional<TransactionStatus> fromResult(String result) {
        if (result == null) {
            return java.util.Optional.empty();
        }
        return switch (result.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "OK" -> java.util.Optional.of(SUCCESS);
            case "PENDING" -> java.util.Optional.of(PENDING);
            case "ERROR" -> java.util.Optional.of(ERROR);
            default -> java.util.Optional.empty();
        };
    }

    public boolean isAbove(TransactionStatus other) {
        return compareTo(other) > 0;
    }
}
