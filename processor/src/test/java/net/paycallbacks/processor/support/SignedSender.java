package net.paycallbacks.processor.support;

import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts callbacks to a running ingress, signed as IXOPAY signs them. */
public final class SignedSender {

    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final String DATE = "Sun, 29 Nov 2026 09:00:00 UTC";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String connector;
    private final String secret;

    public SignedSender(int port, String connector, String secret) {
        this.port = port;
        this.connector = connector;
        this.secret = secret;
    }

    /** Sends and returns the status; the ingress answers 200 only once Kafka holds the callback. */
    public int send(byte[] body) {
        String target = "/callbacks/" + connector;
        String signature = SignatureVerifier.sign(new SignedRequest("POST", body, CONTENT_TYPE, DATE, target),
                secret.getBytes(StandardCharsets.UTF_8), SignatureVariant.SHA512);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .header("Content-Type", CONTENT_TYPE).header("Date", DATE).header("X-Signature", signature)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("ingress did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
