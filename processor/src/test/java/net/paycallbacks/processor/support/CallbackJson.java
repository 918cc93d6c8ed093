package net.paycallbacks.processor.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.paycallbacks.processor.callback.CallbackParser;
import net.paycallbacks.processor.callback.ParsedCallback;
import net.paycallbacks.processor.state.Delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds IXOPAY-shaped callback bodies for tests, field by field. */
public final class CallbackJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CONNECTOR = "shop-eu";
    public static final Instant RECEIVED_AT = Instant.parse("2026-11-29T10:15:30Z");

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private CallbackJson(String uuid, String result) {
        fields.put("result", result);
        fields.put("uuid", uuid);
        fields.put("merchantTransactionId", "order-" + uuid);
        fields.put("purchaseId", "20261129-" + uuid);
        fields.put("transactionType", "DEBIT");
        fields.put("paymentMethod", "Creditcard");
        fields.put("amount", "49.90");
        fields.put("currency", "EUR");
    }

    /** A DEBIT of 49.90 EUR with {@code result} OK, PENDING or ERROR. */
    public static CallbackJson callback(String uuid, String result) {
        return new CallbackJson(uuid, result);
    }

    public CallbackJson with(String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    public CallbackJson type(String transactionType) {
        return with("transactionType", transactionType);
    }

    public CallbackJson amount(String amount) {
        return with("amount", amount);
    }

    public CallbackJson customer(String email, String firstName, String lastName) {
        return with("customer", Map.of("email", email, "firstName", firstName, "lastName", lastName));
    }

    public CallbackJson correction(String source) {
        return with("notificationSource", source);
    }

    public CallbackJson error(String code, String message) {
        return with("code", code).with("message", message);
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The callback as the state machine receives it, received at {@code receivedAt}. */
    public Delivery delivery(Instant receivedAt) {
        ParsedCallback.Readable readable = (ParsedCallback.Readable) CallbackParser.parse(bytes());
        return new Delivery(readable.callback(), readable.status(), CONNECTOR, receivedAt);
    }

    public Delivery delivery() {
        return delivery(RECEIVED_AT);
    }
}
