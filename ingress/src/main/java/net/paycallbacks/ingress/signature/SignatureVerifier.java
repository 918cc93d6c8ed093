package net.paycallbacks.ingress.signature;

import net.paycallbacks.common.SignatureVariant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Checks IXOPAY's X-Signature: Base64(HMAC-SHA512(secret, method \n bodyHash \n contentType \n date \n
 * requestTarget)), where bodyHash is the lowercase hex SHA-512 of the raw body, or its MD5 in the
 * legacy scheme. Thread-safe.
 */
public final class SignatureVerifier {

    private static final HexFormat HEX = HexFormat.of();
    // JCA objects are not thread-safe and costly to look up: one of each per event-loop thread.
    private static final ThreadLocal<Mac> HMAC_SHA512 = ThreadLocal.withInitial(() -> jca(Mac::getInstance, "HmacSHA512"));
    // verify() sees only configured secrets, the same arrays on every call: one HMAC keyed once per array
    // (Mac.init hashes the padded key again each time), weakly, so that secrets no longer in use can go.
    private static final ThreadLocal<Map<byte[], Mac>> KEYED_HMAC_SHA512 = ThreadLocal.withInitial(WeakHashMap::new);
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> jca(MessageDigest::getInstance, "SHA-512"));
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> jca(MessageDigest::getInstance, "MD5"));

    private final List<SignatureVariant> acceptedVariants;

    public SignatureVerifier(boolean acceptLegacyMd5) {
        this.acceptedVariants = acceptLegacyMd5
                ? List.of(SignatureVariant.SHA512, SignatureVariant.MD5)
                : List.of(SignatureVariant.SHA512);
    }

    /** The variant the signature matched with one of the secrets, or empty if it matched none. */
    public Optional<SignatureVariant> verify(SignedRequest request, String signature, List<byte[]> secrets) {
        byte[] presented = signature.trim().getBytes(StandardCharsets.US_ASCII);
        for (SignatureVariant variant : acceptedVariants) {
            String message = message(request, bodyHash(variant, request.body()), request.contentType());
            for (byte[] secret : secrets) {
                String expected = sign(configuredHmac(secret), message);
                // Constant-time: the comparison's duration says nothing about how much matched.
                if (MessageDigest.isEqual(presented, expected.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(variant);
                }
            }
        }
        return Optional.empty();
    }

    /** The X-Signature IXOPAY would send for this request; used by tests, tools and benchmarks. */
    public static String sign(SignedRequest request, byte[] secret, SignatureVariant variant) {
        return sign(keyed(HMAC_SHA512.get(), secret), message(request, bodyHash(variant, request.body()), request.contentType()));
    }

    static String bodyHash(SignatureVariant variant, byte[] body) {
        MessageDigest digest = switch (variant) {
            case SHA512 -> SHA512.get();
            case MD5 -> MD5.get();
        };
        return HEX.formatHex(digest.digest(body));
    }

    private static String message(SignedRequest request, String bodyHash, String contentType) {
        return String.join("\n", request.method(), bodyHash, contentType, request.date(), request.requestTarget());
    }

    private static Mac configuredHmac(byte[] secret) {
        return KEYED_HMAC_SHA512.get().computeIfAbsent(secret, key -> keyed(jca(Mac::getInstance, "HmacSHA512"), key));
    }

    /** doFinal leaves the Mac keyed as it was, ready for the next message. */
    private static String sign(Mac keyed, String message) {
        return Base64.getEncoder().encodeToString(keyed.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(Mac mac, byte[] secret) {
        try {
            // HMAC pads keys with zeros, so an empty secret equals one zero byte; the JCA refuses empty keys.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA512"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise HMAC-SHA512", e);
        }
        return mac;
    }

    private interface JcaFactory<T> {
        T getInstance(String algorithm) throws GeneralSecurityException;
    }

    private static <T> T jca(JcaFactory<T> factory, String algorithm) {
        try {
            return factory.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
