package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads both shapes of {@code returnData}: flat with {@code _TYPE}, and nested under the type's name. */
final class ReturnDataDeserializer extends StdDeserializer<ReturnData> {

    private static final List<String> NESTED_NAMES = List.of("cardData", "phoneData", "ibanData", "walletData", "achData");

    /**
     * The part types' deserializers, looked up once: {@code readTreeAsValue} looks each up again per
     * callback, which cost about 5% of the processor's CPU (see bench/).
     */
    private final Map<Class<?>, JsonDeserializer<Object>> parts = new ConcurrentHashMap<>();

    ReturnDataDeserializer() {
        super(ReturnData.class);
    }

    @Override
    public ReturnData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            parser.skipChildren();
            return null;
        }
        // Buffered as tokens, since _TYPE may follow the fields it describes: a tree (readTree) cost
        // about three times as much, some 8% of the processor's CPU (see bench/).
        TokenBuffer tokens = context.bufferAsCopyOfValue(parser);
        Layout layout = Layout.of(tokens);
        if (layout.type() != null) {
            return read(layout.type(), tokens.asParserOnFirstToken(), context);
        }
        if (layout.nested() != null) {
            return read(layout.nested(), layout.atNestedObject(tokens), context);
        }
        return new ReturnData(null, null, null, null, null, null);
    }

    /**
     * Where the parts are: {@code type} is the text of {@code _TYPE}; else {@code nested} is the first of
     * {@link #NESTED_NAMES} holding an object, the {@code nestedPosition}-th field. No field is repeated
     * here: the strict reader refuses repeats, and the lenient one binds from a tree, which has none.
     */
    private record Layout(String type, String nested, int nestedPosition) {

        static Layout of(TokenBuffer tokens) throws IOException {
            String type = null;
            Map<String, Integer> objectAt = new HashMap<>();
            try (JsonParser scan = tokens.asParserOnFirstToken()) {
                for (int position = 0; scan.nextToken() == JsonToken.FIELD_NAME; position++) {
                    String name = scan.currentName();
                    JsonToken value = scan.nextToken();
                    if (name.equals("_TYPE") && value == JsonToken.VALUE_STRING) {
                        type = scan.getText();
                    } else if (value == JsonToken.START_OBJECT) {
                        objectAt.put(name, position);
                    }
                    scan.skipChildren();
                }
            }
            String nested = NESTED_NAMES.stream().filter(objectAt::containsKey).findFirst().orElse(null);
            return new Layout(type, nested, nested == null ? -1 : objectAt.get(nested));
        }

        JsonParser atNestedObject(TokenBuffer tokens) throws IOException {
            JsonParser parser = tokens.asParserOnFirstToken();
            for (int position = 0; position <= nestedPosition; position++) {
                parser.nextToken(); // the field's name
                parser.nextToken(); // its value
                if (position < nestedPosition) {
                    parser.skipChildren();
                }
            }
            return parser;
        }
    }

    private ReturnData read(String type, JsonParser fields, DeserializationContext context) throws IOException {
        return switch (type.toLowerCase(Locale.ROOT)) {
            // creditcardData is what IXOPAY's API responses call it; accept it here too.
            case "carddata", "creditcarddata" -> new ReturnData(type,
                    readPart(fields, context, ReturnData.CardData.class), null, null, null, null);
            case "phonedata" -> new ReturnData(type, null,
                    readPart(fields, context, ReturnData.PhoneData.class), null, null, null);
            case "ibandata" -> new ReturnData(type, null, null,
                    readPart(fields, context, ReturnData.IbanData.class), null, null);
            case "walletdata" -> new ReturnData(type, null, null, null,
                    readPart(fields, context, ReturnData.WalletData.class), null);
            case "achdata" -> new ReturnData(type, null, null, null, null,
                    readPart(fields, context, ReturnData.AchData.class));
            default -> new ReturnData(type, null, null, null, null, null);
        };
    }

    /** Reads the part at the parser's START_OBJECT, and closes the parser. */
    private <T> T readPart(JsonParser fields, DeserializationContext context, Class<T> type) throws IOException {
        JsonDeserializer<Object> deserializer = parts.get(type);
        if (deserializer == null) {
            deserializer = context.findRootValueDeserializer(context.constructType(type));
            parts.put(type, deserializer);
        }
        try (fields) {
            return type.cast(deserializer.deserialize(fields, context));
        }
    }
}
