package net.paycallbacks.ingress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds the top-level {@code uuid} of a callback body without building a tree, to key the Kafka
 * record. Anything odd (not JSON, no uuid, uuid not a string) yields empty: the callback is still
 * published, with a null key, and the processor quarantines it.
 */
public final class CallbackUuid {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int MAX_UUID_LENGTH = 128;

    private CallbackUuid() {
    }

    public static Optional<String> of(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("uuid".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? usable(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> usable(String uuid) {
        return uuid.isBlank() || uuid.length() > MAX_UUID_LENGTH ? Optional.empty() : Optional.of(uuid);
    }
}
