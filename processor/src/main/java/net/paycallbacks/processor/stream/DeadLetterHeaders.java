package net.paycallbacks.processor.stream;

import net.paycallbacks.processor.callback.ParsedCallback;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The original record's headers plus where it came from and why it could not be processed. */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq-reason";
    public static final String DETAIL = "dlq-detail";
    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";
    public static final String QUARANTINED_AT = "dlq-at";

    private DeadLetterHeaders() {
    }

    static Headers of(Headers original, ParsedCallback.Unreadable unreadable, RecordMetadata source, Instant at) {
        Headers headers = new RecordHeaders(original.toArray());
        add(headers, REASON, unreadable.reason().label());
        add(headers, DETAIL, unreadable.detail());
        add(headers, SOURCE_TOPIC, source.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        add(headers, QUARANTINED_AT, at.toString());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
