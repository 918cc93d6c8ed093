package net.paycallbacks.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackUuidTest {

    @Test
    void theTopLevelUuidIsFound() {
        assertThat(CallbackUuid.of(bytes("{\"result\":\"OK\",\"uuid\":\"d94c0d72f3a36e21f16e\",\"amount\":\"9.99\"}")))
                .contains("d94c0d72f3a36e21f16e");
    }

    @Test
    void theTopLevelUuidIsFoundAfterNestedObjectsAndArraysWithTheirOwnUuid() {
        // Given a body whose nested parts carry a uuid of their own before the top-level one
        String body = """
                {"customer":{"uuid":"customer-uuid","address":{"uuid":"address-uuid"}},
                 "splits":[{"uuid":"split-1"},[{"uuid":"split-2"}],"uuid"],
                 "uuid":"transaction-uuid"}""";

        // Then
        assertThat(CallbackUuid.of(bytes(body))).contains("transaction-uuid");
    }

    @Test
    void aUuidOnlyInsideANestedObjectIsNotTaken() {
        assertThat(CallbackUuid.of(bytes("{\"result\":\"OK\",\"customer\":{\"uuid\":\"customer-uuid\"}}"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "uuid=d94c0d72f3a36e21f16e",
            "",
            "[{\"uuid\":\"d94c0d72f3a36e21f16e\"}]",
            "\"d94c0d72f3a36e21f16e\"",
            "{\"uuid\":12345}",
            "{\"uuid\":null}",
            "{\"uuid\":{\"value\":\"d94c0d72f3a36e21f16e\"}}",
            "{\"uuid\":\"\"}",
            "{\"uuid\":\"   \"}",
            "{\"result\":\"OK\"}",
            "{\"result\":"})
    void anythingWithoutAUsableTopLevelStringUuidGivesEmpty(String body) {
        assertThat(CallbackUuid.of(bytes(body))).isEmpty();
    }

    @Test
    void aUuidOfUpTo128CharactersIsKeptAndALongerOneIsRefused() {
        // Given
        String longest = "a".repeat(128);
        String overlong = "a".repeat(129);

        // Then
        assertThat(CallbackUuid.of(bytes("{\"uuid\":\"" + longest + "\"}"))).contains(longest);
        assertThat(CallbackUuid.of(bytes("{\"uuid\":\"" + overlong + "\"}"))).isEmpty();
    }

    @Test
    void malformedJsonAfterTheUuidStillYieldsTheUuid() {
        assertThat(CallbackUuid.of(bytes("{\"uuid\":\"d94c0d72f3a36e21f16e\", \"amount\": 9.99.9 }}}"))).contains("d94c0d72f3a36e21f16e");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
