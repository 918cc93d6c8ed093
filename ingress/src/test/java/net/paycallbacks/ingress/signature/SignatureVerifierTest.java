package net.paycallbacks.ingress.signature;

import net.paycallbacks.common.SignatureVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    // Vector B1 of ixopay-callbacks.md section 1.4.
    static final byte[] SECRET = bytes("mySharedSecret");
    static final String BODY = "{\"result\":\"OK\",\"uuid\":\"d94c0d72f3a36e21f16e\",\"merchantTransactionId\":\"your-unique-identifier\","
            + "\"purchaseId\":\"20260409-d94c0d72f3a36e21f16e\",\"transactionType\":\"DEBIT\",\"paymentMethod\":\"Creditcard\","
            + "\"amount\":\"9.99\",\"currency\":\"EUR\"}";
    static final SignedRequest B1 = new SignedRequest("POST", bytes(BODY), "application/json; charset=utf-8",
            "Mon, 01 Jan 2018 11:01:36 UTC", "/callback?orderId=42");
    static final String B1_SIGNATURE = "ovFMYa/LB7hDZKBh4EExZuOoERgsxTmgHvstVh/xj9uQvGZe6OLzth6KXmLeZ4Aaulu0hiLEVA64Pm42uBDfLg==";

    final SignatureVerifier verifier = new SignatureVerifier(true);

    @Test
    void ixopaysOwnSignatureTestingToolVectorVerifies() {
        // Given the tool's default output: empty secret, empty body
        SignedRequest request = new SignedRequest("POST", new byte[0], "application/json; charset=utf-8",
                "Tue, 28 Apr 2026 15:23:40 GMT", "/api/v3/transaction/YOUR-API-KEY-HERE/debit");
        String expected = "4ICq+hfHFA81dAJHcXoP2/Pb+nkp9GljLe2S+REN0vMBhbQYNQUHIw/YxUTEIWS5Uu5WgdDEc7keMtqS0mpnAA==";

        // Then signing reproduces it and verifying accepts it
        assertThat(SignatureVerifier.sign(request, new byte[0], SignatureVariant.SHA512)).isEqualTo(expected);
        assertThat(verifier.verify(request, expected, List.of(new byte[0]))).contains(SignatureVariant.SHA512);
    }

    @Test
    void vectorB1VerifiesAsTheCurrentSha512Scheme() {
        assertThat(SignatureVerifier.bodyHash(SignatureVariant.SHA512, B1.body())).isEqualTo(
                "b06ec079d65b08c7ef3bcf3089a199414b0f74c64874dc2b971769ab98c9fcbb8891df7f7ddd04e7b091d81549a055933b009ad19bbddb7fc91ddbd997e30183");
        assertThat(SignatureVerifier.sign(B1, SECRET, SignatureVariant.SHA512)).isEqualTo(B1_SIGNATURE);
        assertThat(verifier.verify(B1, B1_SIGNATURE, List.of(SECRET))).contains(SignatureVariant.SHA512);
    }

    static Stream<UnaryOperator<SignedRequest>> oneChangedByte() {
        return Stream.of(
                r -> new SignedRequest(r.method(), bytes(BODY.replace("9.99", "9.98")), r.contentType(), r.date(), r.requestTarget()),
                r -> new SignedRequest(r.method(), r.body(), r.contentType(), "Mon, 01 Jan 2018 11:01:37 UTC", r.requestTarget()),
                r -> new SignedRequest(r.method(), r.body(), r.contentType(), r.date(), "/callbacK?orderId=42"),
                r -> new SignedRequest(r.method(), r.body(), r.contentType(), r.date(), "/callback?orderId=43"),
                r -> new SignedRequest(r.method(), r.body(), r.contentType(), r.date(), "/callback"),
                r -> new SignedRequest(r.method(), r.body(), "application/json; charset=utf-9", r.date(), r.requestTarget()),
                r -> new SignedRequest("PUT", r.body(), r.contentType(), r.date(), r.requestTarget()));
    }

    @ParameterizedTest
    @MethodSource("oneChangedByte")
    void anyChangeToASignedPartFailsVerification(UnaryOperator<SignedRequest> change) {
        assertThat(verifier.verify(change.apply(B1), B1_SIGNATURE, List.of(SECRET))).isEmpty();
    }

    @Test
    void aChangedContentTypeFailsWhenTheSignatureWasOverTheHeaderAsSent() {
        // Given a request signed over the Content-Type it carries
        SignedRequest sent = new SignedRequest("POST", B1.body(), "application/json", B1.date(), B1.requestTarget());
        String signature = SignatureVerifier.sign(sent, SECRET, SignatureVariant.SHA512);

        // When one byte of the header changes, then it no longer verifies
        SignedRequest altered = new SignedRequest("POST", B1.body(), "application/jsoN", B1.date(), B1.requestTarget());
        assertThat(verifier.verify(sent, signature, List.of(SECRET))).contains(SignatureVariant.SHA512);
        assertThat(verifier.verify(altered, signature, List.of(SECRET))).isEmpty();
    }

    @Test
    void aWrongSecretFails() {
        assertThat(verifier.verify(B1, B1_SIGNATURE, List.of(bytes("mySharedSecreT")))).isEmpty();
    }

    @Test
    void eitherOfTwoSecretsVerifiesDuringRotation() {
        byte[] next = bytes("nextSecret");
        String signedWithNext = SignatureVerifier.sign(B1, next, SignatureVariant.SHA512);

        assertThat(verifier.verify(B1, B1_SIGNATURE, List.of(next, SECRET))).contains(SignatureVariant.SHA512);
        assertThat(verifier.verify(B1, signedWithNext, List.of(next, SECRET))).contains(SignatureVariant.SHA512);
        assertThat(verifier.verify(B1, signedWithNext, List.of(SECRET))).isEmpty();
    }

    @Test
    void theLegacyMd5BodyHashIsAcceptedAndReportedUnlessTurnedOff() {
        String legacy = SignatureVerifier.sign(B1, SECRET, SignatureVariant.MD5);

        assertThat(SignatureVerifier.bodyHash(SignatureVariant.MD5, B1.body())).hasSize(32);
        assertThat(legacy).isNotEqualTo(B1_SIGNATURE);
        assertThat(verifier.verify(B1, legacy, List.of(SECRET))).contains(SignatureVariant.MD5);
        assertThat(new SignatureVerifier(false).verify(B1, legacy, List.of(SECRET))).isEmpty();
        assertThat(new SignatureVerifier(false).verify(B1, B1_SIGNATURE, List.of(SECRET))).contains(SignatureVariant.SHA512);
    }

    @Test
    void garbageSignaturesFailWithoutErrors() {
        assertThat(verifier.verify(B1, "", List.of(SECRET))).isEmpty();
        assertThat(verifier.verify(B1, "not base64 at all \u00e9", List.of(SECRET))).isEmpty();
        assertThat(verifier.verify(B1, B1_SIGNATURE.substring(1), List.of(SECRET))).isEmpty();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
