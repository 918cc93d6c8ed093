package net.paycallbacks.processor.support;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema shipped in {@code common}, as subscribers would use it to check our events. */
public final class EventSchema {

    public static final String RESOURCE = "/net/paycallbacks/common/events/transaction-event-v1.schema.json";
    private static final Validator VALIDATOR = Validator.create(JsonSchema.of(load()),
            new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://paycallbacks.net/schemas/"));

    private EventSchema() {
    }

    public static OutputUnit validate(byte[] json) {
        return VALIDATOR.validate(new JsonObject(new String(json, StandardCharsets.UTF_8)));
    }

    public static void assertValid(byte[] json) {
        OutputUnit result = validate(json);
        assertThat(result.getValid())
                .as("event valid against the schema: %s; errors: %s", new String(json, StandardCharsets.UTF_8), result.getErrors())
                .isTrue();
    }

    private static JsonObject load() {
        try (InputStream in = EventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + RESOURCE);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
