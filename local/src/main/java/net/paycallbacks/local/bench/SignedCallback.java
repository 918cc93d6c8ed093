package net.paycallbacks.local.bench;

import net.paycallbacks.common.CallbackMetadata;
import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * For benchmarks: one ~1 KB IXOPAY-shaped callback, signed as IXOPAY signs it, to be posted to the
 * ingress or written to {@code ixopay-callbacks} with the headers the ingress would have added.
 */
record SignedCallback(String uuid, byte[] body, String date, String signature) {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final DateTimeFormatter IXOPAY_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int INDEX_DIGITS = 13;

    /**
     * A 20-character uuid like IXOPAY's, from which {@link #index} reads {@code index} back: the
     * benchmarks match events to their callbacks by key without a map of a million strings.
     */
    static String uuid(String run, long index) {
        return run + String.format("%0" + INDEX_DIGITS + "d", index);
    }

    /** The index in {@link #uuid}, or -1 for a key of another run. */
    static long index(String run, String uuid) {
        return uuid != null && uuid.length() == run.length() + INDEX_DIGITS && uuid.startsWith(run)
                ? Long.parseLong(uuid, run.length(), uuid.length(), 10) : -1;
    }

    /** Callback number {@code n} of transaction {@code uuid} with {@code result} OK, PENDING or ERROR. */
    static SignedCallback of(String uuid, int n, String result, String path, byte[] secret, Instant now) {
        byte[] body = body(uuid, n, result);
        String date = ixopayDate(now);
        String signature = SignatureVerifier.sign(new SignedRequest("POST", body, CONTENT_TYPE, date, path),
                secret, SignatureVariant.SHA512);
        return new SignedCallback(uuid, body, date, signature);
    }

    /** The body of {@link #of}: the same bytes for the same arguments, so it can be built again instead of kept. */
    static byte[] body(String uuid, int n, String result) {
        return BenchRequests.body(uuid, n).replace("\"result\":\"OK\"", "\"result\":\"" + result + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Date header as IXOPAY writes it, with its "UTC" suffix. */
    static String ixopayDate(Instant instant) {
        return IXOPAY_DATE.format(instant);
    }

    /** What the ingress would have recorded had it received this callback on {@code path} at {@code receivedAt}. */
    CallbackMetadata metadata(String connector, String path, Instant receivedAt) {
        return new CallbackMetadata(connector, receivedAt, path, CONTENT_TYPE, date, signature, SignatureVariant.SHA512);
    }
}
