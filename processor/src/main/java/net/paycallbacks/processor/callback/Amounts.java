package net.paycallbacks.processor.callback;

import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * Bounds on the amounts the processor turns into text. A signed body could carry "1e999999999",
 * which is a valid decimal but would take gigabytes to write out; no currency needs more than this.
 */
final class Amounts {

    private static final int MAX_PRECISION = 38;
    private static final int MAX_SCALE = 18;

    private Amounts() {
    }

    static boolean usable(Callback callback) {
        return Stream.of(callback.amount(), callback.originalAmount(),
                        callback.chargebackData() == null ? null : callback.chargebackData().amount(),
                        callback.chargebackReversalData() == null ? null : callback.chargebackReversalData().amount())
                .allMatch(Amounts::usable);
    }

    private static boolean usable(BigDecimal amount) {
        return amount == null || amount.precision() <= MAX_PRECISION && Math.abs(amount.scale()) <= MAX_SCALE;
    }
}
