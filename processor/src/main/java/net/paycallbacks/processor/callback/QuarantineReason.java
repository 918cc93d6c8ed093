package net.paycallbacks.processor.callback;

/** Why a record of {@code ixopay-callbacks} went to {@code ixopay-callbacks-dlq}; the header value and metric label. */
public enum QuarantineReason {
    NOT_JSON("not-json"),
    NO_UUID("no-uuid"),
    NO_RESULT("no-usable-result"),
    UNUSABLE_AMOUNT("unusable-amount"),
    KEY_MISMATCH("key-mismatch");

    private final String label;

    QuarantineReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
