package net.paycallbacks.common.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: the event's attributes as record headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static Headers of(TransactionEvent event) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, event.eventId());
        add(headers, TYPE, event.type().wireName());
        add(headers, SOURCE, source(event.connector()));
        add(headers, SUBJECT, event.transaction().uuid());
        add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    /** Where the change came from: the IXOPAY connector whose callback caused it. */
    public static String source(String connector) {
        return "/ixopay/connectors/" + (connector == null ? "unknown" : connector);
    }

    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
