package net.paycallbacks.ingress.support;

import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A callback as IXOPAY would send it, validly signed, with helpers to spoil one part of it. */
public record SignedCallback(String method, String uri, Map<String, String> headers, byte[] body) {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String DATE = "Mon, 01 Jan 2018 11:01:36 UTC";

    public static SignedCallback signed(String connector, String secret, String body) {
        return signed("/callbacks/" + connector + "?order=42", secret, body.getBytes(StandardCharsets.UTF_8), SignatureVariant.SHA512);
    }

    public static SignedCallback signed(String uri, String secret, byte[] body, SignatureVariant variant) {
        SignedRequest request = new SignedRequest("POST", body, CONTENT_TYPE, DATE, uri);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("Date", DATE);
        headers.put("X-Signature", SignatureVerifier.sign(request, secret.getBytes(StandardCharsets.UTF_8), variant));
        return new SignedCallback("POST", uri, Map.copyOf(headers), body);
    }

    public static String body(String uuid) {
        return "{\"result\":\"OK\",\"uuid\":\"" + uuid + "\",\"merchantTransactionId\":\"order-" + uuid + "\","
                + "\"transactionType\":\"DEBIT\",\"paymentMethod\":\"Creditcard\",\"amount\":\"9.99\",\"currency\":\"EUR\"}";
    }

    public SignedCallback withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new SignedCallback(method, uri, changed, body);
    }

    public SignedCallback withBody(byte[] otherBody) {
        return new SignedCallback(method, uri, headers, otherBody);
    }

    public SignedCallback withUri(String otherUri) {
        return new SignedCallback(method, otherUri, headers, body);
    }

    public SignedCallback withMethod(String otherMethod) {
        return new SignedCallback(otherMethod, uri, headers, body);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
