package net.paycallbacks.common;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * What the ingress knew about a callback besides its body, carried as record headers on
 * {@code ixopay-callbacks} so that anyone can re-verify the signature later.
 */
public record CallbackMetadata(
        String connector,
        Instant receivedAt,
        String requestUri,
        String contentType,
        String date,
        String signature,
        SignatureVariant signatureVariant) {

    public static final String CONNECTOR = "connector";
    public static final String RECEIVED_AT = "received-at";
    public static final String REQUEST_URI = "request-uri";
    public static final String CONTENT_TYPE = "content-type";
    public static final String DATE = "date";
    public static final String X_SIGNATURE = "x-signature";
    public static final String SIGNATURE_VARIANT = "signature-variant";

    public Headers toHeaders() {
        return new RecordHeaders(new Header[] {
            header(CONNECTOR, connector),
            header(RECEIVED_AT, receivedAt.toString()),
            header(REQUEST_URI, requestUri),
            header(CONTENT_TYPE, contentType),
            header(DATE, date),
            header(X_SIGNATURE, signature),
            header(SIGNATURE_VARIANT, signatureVariant.wireName())
        });
    }

    /** Reads the headers back; a missing or unreadable one leaves the result empty. */
    public static Optional<CallbackMetadata> fromHeaders(Headers headers) {
        try {
            return Optional.of(new CallbackMetadata(
                    text(headers, CONNECTOR),
                    IsoInstant.parse(text(headers, RECEIVED_AT)),
                    text(headers, REQUEST_URI),
                    text(headers, CONTENT_TYPE),
                    text(headers, DATE),
                    text(headers, X_SIGNATURE),
                    SignatureVariant.fromWireName(text(headers, SIGNATURE_VARIANT)).orElseThrow()));
        } catch (RuntimeException missingOrMalformed) {
            return Optional.empty();
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
