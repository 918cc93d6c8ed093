package net.paycallbacks.ingress.signature;

import java.util.Objects;

/**
 * The parts of an HTTP request that IXOPAY's X-Signature covers, exactly as received.
 *
 * @param requestTarget path plus {@code ?query} as on the request line, not decoded
 */
public record SignedRequest(String method, byte[] body, String contentType, String date, String requestTarget) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(requestTarget, "requestTarget");
    }
}
