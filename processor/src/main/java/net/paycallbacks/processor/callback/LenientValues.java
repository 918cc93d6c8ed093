package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The readers of the field types callbacks use. Text, amounts, numbers and flags are read from a JSON string
 * or number (or boolean) alike, since IXOPAY's own examples send either; a list also takes a single value;
 * anything else (an object where text was expected, "n/a" as an amount) is skipped and becomes null.
 */
final class LenientValues {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    static final LenientValue<String> TEXT = parser -> switch (parser.currentToken()) {
        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
        default -> skipped(parser);
    };

    static final LenientValue<BigDecimal> DECIMAL = parser -> switch (parser.currentToken()) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
        case VALUE_STRING -> decimal(parser.getText().trim(), parser.streamReadConstraints().getMaxNumberLength());
        default -> skipped(parser);
    };

    static final LenientValue<Integer> WHOLE_NUMBER = parser -> switch (parser.currentToken()) {
        case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : null;
        case VALUE_NUMBER_FLOAT -> wholePart(parser.getDecimalValue());
        case VALUE_STRING -> wholeNumber(parser.getText().trim());
        default -> skipped(parser);
    };

    static final LenientValue<Boolean> FLAG = parser -> switch (parser.currentToken()) {
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        // Beyond an int's range a whole number is never 0.
        case VALUE_NUMBER_INT -> parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() != 0;
        case VALUE_STRING -> flag(parser.getText().trim());
        default -> skipped(parser);
    };

    private LenientValues() {
    }

    /** The reader for a record component's type; fails at start for a type no callback field should have. */
    static LenientValue<?> of(Type type, ObjectMapper mapper) {
        if (type == String.class) {
            return TEXT;
        }
        if (type == BigDecimal.class) {
            return DECIMAL;
        }
        if (type == Integer.class) {
            return WHOLE_NUMBER;
        }
        if (type == Boolean.class) {
            return FLAG;
        }
        if (type == ReturnData.class) {
            return new ReturnDataBinding(mapper);
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            return RecordBinding.of(recordType.asSubclass(Record.class), mapper);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return listOf(of(generic.getActualTypeArguments()[0], mapper));
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
                && generic.getActualTypeArguments()[0] == String.class
                && generic.getActualTypeArguments()[1] == JsonNode.class) {
            return treesOf(mapper);
        }
        throw new IllegalArgumentException("no lenient reader for " + type.getTypeName());
    }

    /** An array, or a single value read as a list of one. */
    static <T> LenientValue<List<T>> listOf(LenientValue<T> element) {
        return parser -> {
            if (parser.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            List<T> list = new ArrayList<>();
            if (!parser.isExpectedStartArrayToken()) {
                list.add(element.read(parser));
                return list;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(element.read(parser));
            }
            return list;
        };
    }

    /**
     * Free-form data such as {@code extraData}, kept as JSON trees. The reader leaves no current token
     * rather than the object's end, which makes no difference to the next {@code nextFieldName} or {@code nextToken}.
     */
    private static LenientValue<Map<String, JsonNode>> treesOf(ObjectMapper mapper) {
        ObjectReader reader = mapper.readerFor(new TypeReference<Map<String, JsonNode>>() {
        });
        return parser -> parser.hasToken(JsonToken.START_OBJECT) ? reader.readValue(parser) : skipped(parser);
    }

    /** Skips the value (all of it, if an object or array) and gives null. */
    static <T> T skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** Text longer than the parser allows a number to be cannot be an amount either. */
    private static BigDecimal decimal(String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Integer wholeNumber(String text) {
        try {
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (NumberFormatException notAnInt) {
            return null;
        }
    }

    /** The integer part, as Jackson reads 2.5 for an int; null outside the int range. */
    private static Integer wholePart(BigDecimal number) {
        boolean inRange = number.compareTo(INT_MIN) >= 0 && number.compareTo(INT_MAX) <= 0;
        return inRange ? number.intValue() : null;
    }

    /** The spellings Jackson accepts. */
    private static Boolean flag(String text) {
        return switch (text) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }
}
