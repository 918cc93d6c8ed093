package net.paycallbacks.notifier.stream;

import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.time.Instant;

/**
 * The headers of a {@code notifications-dlq} record, whose value is the event as it was read, and
 * the marker the redrive command puts on what it sends back.
 */
public final class DeadLetters {

    public static final String EMAIL_KIND = "dlq-email-kind";
    public static final String ATTEMPTS = "dlq-attempts";
    /** Set by the redrive command: send this event's email even though it was dead-lettered before. */
    public static final String REDRIVE = "notifier-redrive";
    /** The reason of a value that was not a transaction event at all. */
    public static final String UNREADABLE_EVENT = "unreadable-event";

    private DeadLetters() {
    }

    static Headers forEvent(TransactionEvent event, String emailKind, int attempts, String reason, String detail, Instant at) {
        Headers headers = DeadLetterHeaders.mark(CloudEventHeaders.of(event), reason, detail, at);
        DeadLetterHeaders.put(headers, EMAIL_KIND, emailKind);
        DeadLetterHeaders.put(headers, ATTEMPTS, Integer.toString(attempts));
        return headers;
    }

    static Headers forUnreadable(Headers original, Instant at) {
        Headers headers = new RecordHeaders(original.toArray());
        // A redriven record that is dead-lettered again is no longer a redrive.
        headers.remove(REDRIVE);
        return DeadLetterHeaders.mark(headers, UNREADABLE_EVENT, "the value is not a transaction-events v1 JSON event", at);
    }

    public static boolean isRedrive(Headers headers) {
        return headers.lastHeader(REDRIVE) != null;
    }

    public static void markRedrive(Headers headers, Instant at) {
        DeadLetterHeaders.put(headers, REDRIVE, at.toString());
    }
}
