package net.paycallbacks.common;

import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The headers every dead-letter topic of the product carries ({@code ixopay-callbacks-dlq},
 * {@code notifications-dlq}): why the record is there, in a word and in a line, and since when.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq-reason";
    /** What was wrong, for people: never a body, an address or a secret. */
    public static final String DETAIL = "dlq-detail";
    public static final String AT = "dlq-at";

    private DeadLetterHeaders() {
    }

    /** Sets the three headers, replacing any earlier ones (a record dead-lettered a second time). */
    public static Headers mark(Headers headers, String reason, String detail, Instant at) {
        put(headers, REASON, reason);
        put(headers, DETAIL, detail);
        put(headers, AT, at.toString());
        return headers;
    }

    /** Replaces the header {@code name} with one UTF-8 value. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
