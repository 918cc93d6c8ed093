package net.paycallbacks.common;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackMetadataTest {

    static final CallbackMetadata METADATA = new CallbackMetadata(
            "shop-eu",
            Instant.parse("2026-04-28T15:23:40.123456Z"),
            "/callback/shop-eu?order=Bestellung-Größe-№42",
            "application/json; charset=utf-8",
            "Tue, 28 Apr 2026 15:23:40 UTC",
            "ovFMYa/LB7hDZKBh4EExZuOoERgsxTmgHvstVh/xj9uQ==",
            SignatureVariant.MD5);

    @Test
    void metadataSurvivesTheRoundTripThroughHeadersIncludingNonAsciiInTheUri() {
        // When
        Headers headers = METADATA.toHeaders();

        // Then
        assertThat(CallbackMetadata.fromHeaders(headers)).contains(METADATA);
    }

    @Test
    void theHeadersOnTheWireHaveTheAgreedNamesAndUtf8Values() {
        // When
        Headers headers = METADATA.toHeaders();

        // Then
        assertThat(Arrays.stream(headers.toArray()).map(Header::key)).containsExactly(
                "connector", "received-at", "request-uri", "content-type", "date", "x-signature", "signature-variant");
        assertThat(text(headers, "received-at")).isEqualTo("2026-04-28T15:23:40.123456Z");
        assertThat(text(headers, "request-uri")).isEqualTo("/callback/shop-eu?order=Bestellung-Größe-№42");
        assertThat(text(headers, "signature-variant")).isEqualTo("md5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connector", "received-at", "request-uri", "content-type", "date", "x-signature", "signature-variant"})
    void anyMissingHeaderGivesEmpty(String missing) {
        // Given
        Headers headers = METADATA.toHeaders();
        headers.remove(missing);

        // Then
        assertThat(CallbackMetadata.fromHeaders(headers)).isEmpty();
    }

    @Test
    void anUnknownSignatureVariantGivesEmpty() {
        // Given
        Headers headers = METADATA.toHeaders();
        headers.remove("signature-variant").add("signature-variant", bytes("sha1"));

        // Then
        assertThat(CallbackMetadata.fromHeaders(headers)).isEmpty();
    }

    @Test
    void anUnreadableReceivedAtGivesEmpty() {
        // Given
        Headers headers = METADATA.toHeaders();
        headers.remove("received-at").add("received-at", bytes("yesterday"));

        // Then
        assertThat(CallbackMetadata.fromHeaders(headers)).isEmpty();
    }

    @Test
    void aHeaderWithANullValueGivesEmpty() {
        // Given
        Headers headers = METADATA.toHeaders();
        headers.remove("connector").add("connector", null);

        // Then
        assertThat(CallbackMetadata.fromHeaders(headers)).isEmpty();
    }

    @Test
    void noHeadersAtAllGivesEmpty() {
        assertThat(CallbackMetadata.fromHeaders(new RecordHeaders())).isEmpty();
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
