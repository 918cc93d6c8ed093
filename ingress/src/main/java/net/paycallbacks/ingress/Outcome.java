package net.paycallbacks.ingress;

import java.util.Locale;

/** How the ingress answered a callback; the values label the {@code ixopay_callbacks_total} metric. */
public enum Outcome {
    ACCEPTED(200),
    UNKNOWN_CONNECTOR(404),
    BAD_SIGNATURE(401),
    STALE_DATE(401),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    PUBLISH_FAILED(503);

    private final int status;

    Outcome(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
