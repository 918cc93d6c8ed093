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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema shipped in {@code common}, as subscribers would use it to check our events. The
 * schema allows unknown fields (so that a subscriber's copy keeps working when fields are added);
 * our own events must still declare every field they carry, which {@link #undeclared} checks.
 */
public final class EventSchema {

    public static final String RESOURCE = "/net/paycallbacks/common/events/transaction-event-v1.schema.json";
    private static final JsonObject SCHEMA = load();
    private static final Validator VALIDATOR = Validator.create(JsonSchema.of(SCHEMA),
            new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://paycallbacks.net/schemas/"));

    private EventSchema() {
    }

    public static OutputUnit validate(byte[] json) {
        return VALIDATOR.validate(new JsonObject(new String(json, StandardCharsets.UTF_8)));
    }

    /** Paths of fields in {@code json} that the schema does not declare. */
    public static List<String> undeclared(byte[] json) {
        List<String> found = new ArrayList<>();
        collectUndeclared(new JsonObject(new String(json, StandardCharsets.UTF_8)), SCHEMA, "", found);
        return found;
    }

    public static void assertValid(byte[] json) {
        OutputUnit result = validate(json);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(result.getValid()).as("event valid against the schema: %s; errors: %s", text, result.getErrors()).isTrue();
        assertThat(undeclared(json)).as("fields the schema does not declare in %s", text).isEmpty();
    }

    private static void collectUndeclared(JsonObject value, JsonObject schema, String path, List<String> found) {
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        for (String name : value.fieldNames()) {
            JsonObject declared = properties.getJsonObject(name);
            if (declared == null) {
                found.add(path + name);
            } else if (value.getValue(name) instanceof JsonObject nested) {
                collectUndeclared(nested, declared, path + name + ".", found);
            }
        }
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
