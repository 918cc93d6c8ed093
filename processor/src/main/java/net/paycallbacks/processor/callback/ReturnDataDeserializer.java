package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Reads both shapes of {@code returnData}: flat with {@code _TYPE}, and nested under the type's name. */
final class ReturnDataDeserializer extends StdDeserializer<ReturnData> {

    private static final List<String> NESTED_NAMES = List.of("cardData", "phoneData", "ibanData", "walletData", "achData");

    ReturnDataDeserializer() {
        super(ReturnData.class);
    }

    @Override
    public ReturnData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode type = node.get("_TYPE");
        if (type != null && type.isTextual()) {
            return read(type.asText(), node, context);
        }
        for (String name : NESTED_NAMES) {
            JsonNode nested = node.get(name);
            if (nested != null && nested.isObject()) {
                return read(name, nested, context);
            }
        }
        return new ReturnData(null, null, null, null, null, null);
    }

    private static ReturnData read(String type, JsonNode fields, DeserializationContext context) throws IOException {
        return switch (type.toLowerCase(Locale.ROOT)) {
            // creditcardData is what IXOPAY's API responses call it; accept it here too.
            case "carddata", "creditcarddata" -> new ReturnData(type,
                    context.readTreeAsValue(fields, ReturnData.CardData.class), null, null, null, null);
            case "phonedata" -> new ReturnData(type, null,
                    context.readTreeAsValue(fields, ReturnData.PhoneData.class), null, null, null);
            case "ibandata" -> new ReturnData(type, null, null,
                    context.readTreeAsValue(fields, ReturnData.IbanData.class), null, null);
            case "walletdata" -> new ReturnData(type, null, null, null,
                    context.readTreeAsValue(fields, ReturnData.WalletData.class), null);
            case "achdata" -> new ReturnData(type, null, null, null, null,
                    context.readTreeAsValue(fields, ReturnData.AchData.class));
            default -> new ReturnData(type, null, null, null, null, null);
        };
    }
}
