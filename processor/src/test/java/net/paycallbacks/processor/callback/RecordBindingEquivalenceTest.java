package net.paycallbacks.processor.callback;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's own binding reads every callback as the Jackson databind binding it replaced ({@link
 * JacksonBinding}): a callback with every field set, in each shape of returnData, with each value in turn swapped
 * for values of every JSON type, then seeded combinations of several swaps, fields repeated below the top level
 * (the binding must keep the last) and unknown fields. Repeats at the top level are CallbackParserTest's.
 */
class RecordBindingEquivalenceTest {

    /** Keeps 0.50 as 0.50 when the base callback is written back, so that the bindings see its scale. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Values of every JSON type, and text that is almost a number or a flag. */
    private static final List<String> ODD_VALUES = List.of(
            "\"n/a\"", "\"\"", "\"  \"", "\" 12 \"", "\"12\"", "\"1.5\"", "\"1,5\"", "\"+3\"", "\"0x10\"", "\"-0\"",
            "\"1e3\"", "\"99999999999\"", "\"true\"", "\"TRUE\"", "\"False\"", "\"tRUE\"", "\"yes\"", "\"1\"", "\"0\"",
            "\"null\"", "0", "1", "2", "-1", "12", "12.50", "1.5", "-0", "1e3", "1.0E+2", "1e10", "-1.5e12",
            "2147483647", "2147483648", "-2147483648", "-2147483649", "2147483647.9", "-2147483648.0", "-2147483648.5",
            "99999999999", "123456789012345678901234567890", "true", "false", "null",
            "{}", "{\"a\":1}", "{\"email\":\"x\"}", "[]", "[\"x\"]", "[1,2]", "[{}]", "[null]", "[[]]", "[\"OK\"]");

    @Test
    void everyFieldSetIsReadTheSame() throws IOException {
        for (String returnData : returnDataShapes()) {
            assertSameAsJackson(complete(returnData).toString());
        }
    }

    /** All values of the first shape; of the others, those in their returnData, since the rest is the same. */
    @Test
    void eachValueSwappedForEachOddValueIsReadTheSame() throws IOException {
        List<String> shapes = returnDataShapes();
        for (int shape = 0; shape < shapes.size(); shape++) {
            ObjectNode callback = complete(shapes.get(shape));
            for (JsonNode slot : shape == 0 ? slots(callback) : slots(callback.get("returnData"))) {
                for (String odd : ODD_VALUES) {
                    StringBuilder body = new StringBuilder();
                    write(callback, Map.of(slot, odd), null, false, 0, body);
                    assertSameAsJackson(body.toString());
                }
            }
        }
    }

    @RepeatedTest(3000)
    void oddValuesAndRepeatedFieldsAreReadTheSame(RepetitionInfo repetition) throws IOException {
        Random random = new Random(20261207L * 31 + repetition.getCurrentRepetition());
        List<String> shapes = returnDataShapes();
        ObjectNode callback = complete(shapes.get(random.nextInt(shapes.size())));
        List<JsonNode> slots = slots(callback);
        Map<JsonNode, String> oddValueAt = new IdentityHashMap<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            oddValueAt.put(slots.get(random.nextInt(slots.size())), ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        }
        // Both bodies draw the same numbers in the same order, so they differ only in the repeats.
        long seed = random.nextLong();
        StringBuilder withRepeats = new StringBuilder();
        write(callback, oddValueAt, new Random(seed), true, 0, withRepeats);
        StringBuilder withoutRepeats = new StringBuilder();
        write(callback, oddValueAt, new Random(seed), false, 0, withoutRepeats);
        assertSameAsJackson(withRepeats.toString(), withoutRepeats.toString());
    }

    private static void assertSameAsJackson(String json) throws IOException {
        assertSameAsJackson(json, json);
    }

    /** Reads {@code json} as Jackson reads {@code reference}: the same body, of each repeated field only the last. */
    private static void assertSameAsJackson(String json, String reference) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Callback expected = JacksonBinding.bind(reference.getBytes(StandardCharsets.UTF_8));
        Callback actual = CallbackParser.bind(body);
        assertThat(differences(expected, actual, "callback")).as(json).isEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(CallbackParser.parse(body)).as(json).isEqualTo(CallbackParser.check(expected));
    }

    /** Where two values differ, component by component: the records' own toString hides personal data. */
    private static List<String> differences(Object expected, Object actual, String path) {
        List<String> found = new ArrayList<>();
        if (expected instanceof Record && actual instanceof Record && expected.getClass() == actual.getClass()) {
            for (var component : expected.getClass().getRecordComponents()) {
                try {
                    found.addAll(differences(component.getAccessor().invoke(expected),
                            component.getAccessor().invoke(actual), path + "." + component.getName()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (expected instanceof List<?> one && actual instanceof List<?> other && one.size() == other.size()) {
            for (int i = 0; i < one.size(); i++) {
                found.addAll(differences(one.get(i), other.get(i), path + "[" + i + "]"));
            }
        } else if (!Objects.equals(expected, actual)) {
            found.add(path + ": expected " + expected + " but was " + actual);
        }
        return found;
    }

    /** Every value but the top level's uuid and result, objects and arrays included. */
    private static List<JsonNode> slots(JsonNode callback) {
        List<JsonNode> slots = new ArrayList<>();
        collect(callback, 0, slots);
        return slots;
    }

    private static void collect(JsonNode node, int depth, List<JsonNode> slots) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (depth > 0 || !List.of("uuid", "result").contains(field.getKey())) {
                    slots.add(field.getValue());
                }
                collect(field.getValue(), depth + 1, slots);
            });
        } else if (node.isArray()) {
            node.forEach(element -> {
                slots.add(element);
                collect(element, depth + 1, slots);
            });
        }
    }

    /**
     * The tree as JSON, with the odd values in place of the chosen ones. With a {@code random}, below the top
     * level a field is now and then written twice, with an odd value first or last ({@code repeats}; without,
     * only the value that comes last), and an unknown field is added now and then.
     */
    private static void write(JsonNode node, Map<JsonNode, String> oddValueAt, Random random, boolean repeats,
                              int depth, StringBuilder out) throws IOException {
        if (oddValueAt.containsKey(node)) {
            out.append(oddValueAt.get(node));
        } else if (node.isObject()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = JSON.writeValueAsString(field.getKey());
                out.append(separator).append(name).append(':');
                separator = ",";
                // -1: written once; 0: an odd value, then this one; 1: this one, then an odd value.
                int repeat = depth == 0 || random == null ? -1 : random.nextInt(24);
                String odd = random == null ? null : ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
                if (repeat == 0 && repeats) {
                    out.append(odd).append(',').append(name).append(':');
                }
                StringBuilder value = new StringBuilder();
                write(field.getValue(), oddValueAt, random, repeats, depth + 1, value);
                if (repeat == 1) {
                    if (repeats) {
                        out.append(value).append(',').append(name).append(':');
                    }
                    out.append(odd);
                } else {
                    out.append(value);
                }
            }
            String unknown = random == null ? null : ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
            if (random != null && random.nextInt(8) == 0) {
                out.append(separator).append("\"unknownField\":").append(unknown);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? "," : "");
                write(node.get(i), oddValueAt, random, repeats, depth + 1, out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    private static List<String> returnDataShapes() {
        String card = """
                "type":"visa","firstName":"Zoë","lastName":"Ünal","country":"AT","cardHolder":"Zoë Ünal",
                "expiryMonth":"12","expiryYear":2029,"binDigits":"41111111","firstSixDigits":"411111",
                "lastFourDigits":"1111","fingerprint":"46f7ad","binBrand":"VISA","binBank":"EXAMPLE BANK",
                "binType":"CREDIT","binLevel":"CLASSIC","binCountry":"AT","binSegment":"Consumer","binRawData":"{}",
                "threeDSecure":"MANDATORY","eci":"05","merchantAdviceCode":"01","parsedMerchantAdviceCode":"new account",
                "schemeTransactionIdentifier":"MCC1234","cardUpdateStatus":"none","cardUpdatedAt":"2026-01-01",
                "cardUpdatePausedUntil":"2026-02-01\"""";
        return List.of(
                "{\"_TYPE\":\"cardData\"," + card + "}",
                "{" + card + ",\"_TYPE\":\"creditcardData\"}",
                "{\"cardData\":{" + card + "}}",
                "{\"_TYPE\":\"phoneData\",\"phoneNumber\":\"+43123\",\"country\":\"AT\",\"operator\":\"A1\"}",
                "{\"ibanData\":{\"accountOwner\":\"Zoë\",\"iban\":\"AT611904300234573201\",\"bic\":\"BKAUATWW\","
                        + "\"mandateId\":\"m1\",\"mandateDate\":\"2026-01-01\",\"bankName\":\"B\",\"bankBranchName\":\"W\","
                        + "\"country\":\"AT\"}}",
                "{\"_TYPE\":\"walletData\",\"walletReferenceId\":\"w1\",\"walletOwner\":\"z@example.com\","
                        + "\"walletType\":\"paypal\",\"walletOwnerFirstName\":\"Zoë\",\"walletOwnerLastName\":\"Ünal\","
                        + "\"walletOwnerCountryCode\":\"AT\",\"walletRegistrationId\":\"r1\"}",
                "{\"_TYPE\":\"achData\",\"accountHolder\":\"Zoë\",\"accountHolderType\":\"personal\","
                        + "\"accountType\":\"checking\",\"accountNumber\":\"1234\",\"routingNumber\":\"021000021\"}",
                "{\"_TYPE\":\"somethingNew\",\"value\":1}",
                "{\"phoneData\":\"not an object\",\"achData\":{\"accountNumber\":\"1\"}}");
    }

    /** A callback with every documented field set. */
    private static ObjectNode complete(String returnData) throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"result":"OK","uuid":"d94c0d72f3a36e21f16e","merchantTransactionId":"order-1","purchaseId":"p-1",
                 "transactionType":"DEBIT","transactionSubType":"recurring","paymentMethod":"Creditcard",
                 "amount":"10.90","currency":"EUR","surchargeAmount":0.50,"totalAmount":"11.40",
                 "dccData":{"remoteIdentifier":"r","originalAmount":"10.90","originalCurrency":"EUR",
                   "convertedAmount":11.85,"convertedCurrency":"USD","conversionRate":"1.0872","selectedCurrency":"USD",
                   "markUp":"3.5"},
                 "referenceUuid":"ref-1","message":"m","code":"1001","adapterMessage":"am","adapterCode":"ac",
                 "errors":[{"message":"m1","code":"2001","adapterMessage":"a1","adapterCode":"c1"},
                           {"message":"m2","code":2002}],
                 "errorMessage":"legacy","errorCode":"3001",
                 "chargebackData":{"originalUuid":"o-1","originalMerchantTransactionId":"order-0","amount":"10.90",
                   "currency":"EUR","reason":"fraud","chargebackDateTime":"2026-12-01T10:00:00Z"},
                 "chargebackReversalData":{"originalUuid":"o-1","originalMerchantTransactionId":"order-0",
                   "chargebackUuid":"cb-1","amount":10.9,"currency":"EUR","reason":"won",
                   "reversalDateTime":"2026-12-02T10:00:00Z"},
                 "extraData":{"shopSession":"b3f1","basket":{"items":3,"total":10.90},"tags":["a","b"]},
                 "merchantMetaData":"tenant=eu-1",
                 "returnData":%s,
                 "payByLinkData":{"sendViaEmail":true,"cancelUrl":"https://shop/cancel","expiresAt":"2026-12-31",
                   "payByLink":"https://pay/link"},
                 "customer":{"identification":"c-1","firstName":"Zoë","lastName":"Ünal","birthDate":"1990-01-01",
                   "gender":"F","billingAddress1":"Mariahilfer Straße 1","billingAddress2":"Top 3","billingCity":"Wien",
                   "billingPostcode":"1060","billingState":"W","billingCountry":"AT","billingPhone":"+43 1",
                   "shippingFirstName":"Zoë","shippingLastName":"Ünal","shippingCompany":"Z GmbH",
                   "shippingAddress1":"Gasse 2","shippingAddress2":"","shippingCity":"Wien","shippingPostcode":1070,
                   "shippingState":"W","shippingCountry":"AT","shippingPhone":"+43 2","company":"Z GmbH",
                   "email":"zoe.unal@example.com","emailVerified":"false","ipAddress":"203.0.113.7",
                   "nationalId":"N1","extraData":{"loyalty":"gold"},"paymentData":{"ibanData":{"iban":"AT61"}}},
                 "customerProfileData":{"profileGuid":"g","customerIdentification":"c-1","paymentToken":"t",
                   "markAsPreferred":false},
                 "splits":[{"identification":"s1","amount":"5.45","currency":"EUR","sellerMerchantGuid":"g1",
                   "sellerMerchantExternalId":"e1","commissionFee":{"amount":"0.10","currency":"EUR"}}],
                 "tracingData":{"transactions":[{"uuid":"t1","sequence_number":1,"status":"success",
                   "connector":{"guid":"cg"}},{"uuid":"t2","sequence_number":"2","status":"error"}]},
                 "scheduleData":{"scheduleId":"sc","scheduleStatus":"ACTIVE","scheduledAt":"2027-01-01",
                   "merchantMetaData":"m"},
                 "notificationSource":"reconciliation","originalAmount":"10.00","originalCurrency":"EUR"}
                """.formatted(returnData));
    }
}
