package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads both shapes of {@code returnData}: flat with {@code _TYPE}, and nested under the type's name. */
final class ReturnDataBinding implements LenientValue<ReturnData> {

    private static final List<String> NESTED_NAMES = List.of("cardData", "phoneData", "ibanData", "walletData", "achData");

    private final RecordBinding<ReturnData.CardData> card;
    private final RecordBinding<ReturnData.PhoneData> phone;
    private final RecordBinding<ReturnData.IbanData> iban;
    private final RecordBinding<ReturnData.WalletData> wallet;
    private final RecordBinding<ReturnData.AchData> ach;

    ReturnDataBinding(ObjectMapper mapper) {
        card = RecordBinding.of(ReturnData.CardData.class, mapper);
        phone = RecordBinding.of(ReturnData.PhoneData.class, mapper);
        iban = RecordBinding.of(ReturnData.IbanData.class, mapper);
        wallet = RecordBinding.of(ReturnData.WalletData.class, mapper);
        ach = RecordBinding.of(ReturnData.AchData.class, mapper);
    }

    @Override
    public ReturnData read(JsonParser parser) throws IOException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) {
            return LenientValues.skipped(parser);
        }
        // Buffered as tokens, since _TYPE may follow the fields it describes; a tree costs about three times as much.
        try (TokenBuffer tokens = new TokenBuffer(parser)) {
            tokens.copyCurrentStructure(parser);
            Layout layout = Layout.of(tokens);
            if (layout.type() != null) {
                try (JsonParser fields = tokens.asParserOnFirstToken()) {
                    return read(layout.type(), fields);
                }
            }
            if (layout.nested() != null) {
                try (JsonParser fields = layout.atNestedObject(tokens)) {
                    return read(layout.nested(), fields);
                }
            }
            return new ReturnData(null, null, null, null, null, null);
        }
    }

    private ReturnData read(String type, JsonParser fields) throws IOException {
        return switch (type.toLowerCase(Locale.ROOT)) {
            // creditcardData is what IXOPAY's API responses call it; accept it here too.
            case "carddata", "creditcarddata" -> new ReturnData(type, card.read(fields), null, null, null, null);
            case "phonedata" -> new ReturnData(type, null, phone.read(fields), null, null, null);
            case "ibandata" -> new ReturnData(type, null, null, iban.read(fields), null, null);
            case "walletdata" -> new ReturnData(type, null, null, null, wallet.read(fields), null);
            case "achdata" -> new ReturnData(type, null, null, null, null, ach.read(fields));
            default -> new ReturnData(type, null, null, null, null, null);
        };
    }

    /**
     * Where the parts are: {@code type} is the text of {@code _TYPE}; else {@code nested} is the first of
     * {@link #NESTED_NAMES} holding an object, the {@code nestedPosition}-th field. Of a repeated field the
     * last one counts, as everywhere in a callback below its top level.
     */
    private record Layout(String type, String nested, int nestedPosition) {

        static Layout of(TokenBuffer tokens) throws IOException {
            String type = null;
            Map<String, Integer> objectAt = new HashMap<>();
            try (JsonParser scan = tokens.asParserOnFirstToken()) {
                for (int position = 0; scan.nextToken() == JsonToken.FIELD_NAME; position++) {
                    String name = scan.currentName();
                    JsonToken value = scan.nextToken();
                    if (name.equals("_TYPE")) {
                        type = value == JsonToken.VALUE_STRING ? scan.getText() : null;
                    } else if (value == JsonToken.START_OBJECT) {
                        objectAt.put(name, position);
                    } else {
                        objectAt.remove(name);
                    }
                    scan.skipChildren();
                }
            }
            for (String nested : NESTED_NAMES) {
                if (objectAt.containsKey(nested)) {
                    return new Layout(type, nested, objectAt.get(nested));
                }
            }
            return new Layout(type, null, -1);
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
}
