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
import java.util.Locale;
import java.util.Map;

/**
 * The readers of the field types callbacks use. Text, amounts, numbers and flags are read from a JSON string
 * or number (or boolean) alike, since IXOPAY's own examples send either; a list also takes a single value;
 * anything else (an object where text was expected, "n/a" as an amount) is skipped and becomes null.
 */
final class LenientValues {

    /** Jackson's own bound on the digits of a number (StreamReadConstraints), for numbers sent as text too. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    static final LenientValue<String> TEXT = parser -> switch (parser.currentToken()) {
        case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
        default -> skipped(parser);
    };

    static final LenientValue<BigDecimal> DECIMAL = parser -> switch (parser.currentToken()) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
        case VALUE_STRING -> decimal(parser.getText().trim());
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
        case VALUE_NUMBER_INT -> !parser.getText().equals("0") && !parser.getText().equals("-0");
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

    /** Free-form data such as {@code extraData}, kept as JSON trees. */
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

    private static BigDecimal decimal(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
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

    /** The integer part, as Jackson reads 2.0 for an int; null out of the int range. */
    private static Integer wholePart(BigDecimal number) {
        try {
            return number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? null : number.intValue();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private static Boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
