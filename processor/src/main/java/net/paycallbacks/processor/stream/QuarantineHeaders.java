package net.paycallbacks.processor.stream;

import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.processor.callback.ParsedCallback;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Instant;

/** The original record's headers plus where it came from and why it could not be processed. */
public final class QuarantineHeaders {

    public static final String SOURCE_TOPIC = "dlq-source-topic";
    public static final String SOURCE_PARTITION = "dlq-source-partition";
    public static final String SOURCE_OFFSET = "dlq-source-offset";

    private QuarantineHeaders() {
    }

    static Headers of(Headers original, ParsedCallback.Unreadable unreadable, RecordMetadata source, Instant at) {
        Headers headers = DeadLetterHeaders.mark(new RecordHeaders(original.toArray()), unreadable.reason().label(),
                unreadable.detail(), at);
        DeadLetterHeaders.put(headers, SOURCE_TOPIC, source.topic());
        DeadLetterHeaders.put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        DeadLetterHeaders.put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        return headers;
    }
}
