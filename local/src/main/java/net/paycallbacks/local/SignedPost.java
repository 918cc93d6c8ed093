package net.paycallbacks.local;

import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Posts a callback body signed the way IXOPAY signs it, with IXOPAY's Date format. */
final class SignedPost {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** IXOPAY's default Date format, with "UTC" where RFC 7231 says "GMT". */
    static final DateTimeFormatter IXOPAY_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH);

    private SignedPost() {
    }

    /** The ingress's answer; an ingress that is not listening is an IOException that says so. */
    static HttpResponse<String> post(HttpClient client, URI url, String secret, SignatureVariant variant, byte[] body)
            throws IOException, InterruptedException {
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(IXOPAY_DATE);
        String signature = SignatureVerifier.sign(new SignedRequest("POST", body, CONTENT_TYPE, date, target),
                secret.getBytes(StandardCharsets.UTF_8), variant);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", CONTENT_TYPE)
                .header("Date", date)
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException notListening) {
            throw new IOException("nothing answers at " + url + " (is bin/local-pipeline running?)", notListening);
        }
    }
}
