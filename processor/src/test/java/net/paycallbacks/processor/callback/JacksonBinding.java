package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The reference for {@link RecordBinding}: how Jackson's databind, made lenient by a problem handler, binds a
 * callback without repeated fields, as the processor did until 2026-12-07, with two deliberate changes where the
 * old binding quarantined an authentic callback: an empty or blank string for an object, and a number beyond an
 * int's range, are null. The returnData reader is rewritten for plainness, reading the parts from tokens as before.
 */
final class JacksonBinding {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addHandler(new NullForUnreadableFields())
            .addModule(new SimpleModule().addDeserializer(ReturnData.class, new ReturnDataDeserializer())
                    .addDeserializer(Integer.class, new NullOutOfIntRange()))
            // Until 2026-12-07 an empty string for an object quarantined the whole callback: it is null now.
            .withCoercionConfig(LogicalType.POJO, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .withCoercionConfig(LogicalType.Map, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .build();

    private JacksonBinding() {
    }

    static Callback bind(byte[] body) throws IOException {
        return MAPPER.readValue(body, Callback.class);
    }

    /** Until 2026-12-07 a number beyond an int's range quarantined the whole callback: it is null now. */
    private static final class NullOutOfIntRange extends StdDeserializer<Integer> {

        private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
        private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
        private final NumberDeserializers.IntegerDeserializer integers = new NumberDeserializers.IntegerDeserializer(Integer.class, null);

        NullOutOfIntRange() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            boolean beyondInt = parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() != JsonParser.NumberType.INT
                    || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT) && (parser.getDecimalValue().compareTo(INT_MIN) < 0
                    || parser.getDecimalValue().compareTo(INT_MAX) > 0);
            if (beyondInt) {
                return null;
            }
            return integers.deserialize(parser, context);
        }
    }

    private static final class NullForUnreadableFields extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                            JsonParser parser, String failureMessage) throws IOException {
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
                                                ValueInstantiator instantiator, JsonParser parser, String message)
                throws IOException {
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                             String failureMessage) {
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                             String failureMessage) {
            return null;
        }
    }

    /**
     * Both shapes of returnData, the parts bound from tokens as the processor did (a tree would write 1e3 as
     * 1E+3 into a text field). Only for bodies without repeated fields, so each name is found once.
     */
    private static final class ReturnDataDeserializer extends StdDeserializer<ReturnData> {

        ReturnDataDeserializer() {
            super(ReturnData.class);
        }

        @Override
        public ReturnData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                parser.skipChildren();
                return null;
            }
            TokenBuffer tokens = context.bufferAsCopyOfValue(parser);
            JsonNode tree = context.readTree(tokens.asParserOnFirstToken());
            if (tree.path("_TYPE").isTextual()) {
                return read(tree.get("_TYPE").asText(), tokens.asParserOnFirstToken(), context);
            }
            for (String nested : List.of("cardData", "phoneData", "ibanData", "walletData", "achData")) {
                if (tree.path(nested).isObject()) {
                    return read(nested, valueOf(nested, tokens.asParserOnFirstToken()), context);
                }
            }
            return new ReturnData(null, null, null, null, null, null);
        }

        private static JsonParser valueOf(String field, JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME && !parser.currentName().equals(field)) {
                parser.nextToken();
                parser.skipChildren();
            }
            parser.nextToken();
            return parser;
        }

        private static ReturnData read(String type, JsonParser part, DeserializationContext context) throws IOException {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "carddata", "creditcarddata" ->
                        new ReturnData(type, context.readValue(part, ReturnData.CardData.class), null, null, null, null);
                case "phonedata" -> new ReturnData(type, null, context.readValue(part, ReturnData.PhoneData.class), null, null, null);
                case "ibandata" -> new ReturnData(type, null, null, context.readValue(part, ReturnData.IbanData.class), null, null);
                case "walletdata" -> new ReturnData(type, null, null, null, context.readValue(part, ReturnData.WalletData.class), null);
                case "achdata" -> new ReturnData(type, null, null, null, null, context.readValue(part, ReturnData.AchData.class));
                default -> new ReturnData(type, null, null, null, null, null);
            };
        }
    }
}
