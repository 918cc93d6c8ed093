package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The headers of a {@code notifications-dlq} record, whose value is the event as it was read, and
 * the marker the redrive command puts on what it sends back.
 */
public final class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String DETAIL = "dlq-detail";
    public static final String EMAIL_KIND = "dlq-email-kind";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String DEAD_LETTERED_AT = "dlq-at";
    /** Set by the redrive command: send this event's email even though it was dead-lettered before. */
    public static final String REDRIVE = "notifier-redrive";
    /** The reason of a value that was not a transaction event at all. */
    public static final String UNREADABLE_EVENT = "unreadable-event";

    private DeadLetters() {
    }

    static Headers forEvent(TransactionEvent event, String emailKind, int attempts, String reason, String detail, Instant at) {
        Headers headers = CloudEventHeaders.of(event);
        add(headers, EMAIL_KIND, emailKind);
        add(headers, ATTEMPTS, Integer.toString(attempts));
        return reasonAndTime(headers, reason, detail, at);
    }

    static Headers forUnreadable(Headers original, Instant at) {
        return reasonAndTime(new RecordHeaders(original.toArray()), UNREADABLE_EVENT,
                "the value is not a transaction-events v1 JSON event", at);
    }

    public static boolean isRedrive(Headers headers) {
        return headers.lastHeader(REDRIVE) != null;
    }

    public static void markRedrive(Headers headers, Instant at) {
        headers.remove(REDRIVE);
        add(headers, REDRIVE, at.toString());
    }

    private static Headers reasonAndTime(Headers headers, String reason, String detail, Instant at) {
        for (String name : new String[] {REASON, DETAIL, DEAD_LETTERED_AT, REDRIVE}) {
            headers.remove(name);
        }
        add(headers, REASON, reason);
        add(headers, DETAIL, detail);
        add(headers, DEAD_LETTERED_AT, at.toString());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
