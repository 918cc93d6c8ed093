package net.paycallbacks.local;

import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.ingress.signature.SignatureVerifier;
import net.paycallbacks.ingress.signature.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Signs a callback body the way IXOPAY does and posts it: for trying the ingress and for debugging
 * a real integration. Usage: {@code send-callback --url URL --secret SECRET [--md5] FILE}.
 */
public final class SendCallback {

    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** IXOPAY's default Date format, with "UTC" where RFC 7231 says "GMT". */
    static final DateTimeFormatter IXOPAY_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH);

    private SendCallback() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SendArguments arguments;
        try {
            arguments = SendArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("send-callback: " + e.getMessage());
            System.err.println("usage: send-callback --url http://127.0.0.1:8080/callbacks/demo --secret SECRET [--md5] FILE");
            System.exit(2);
            return;
        }
        byte[] body = Files.readAllBytes(arguments.file());
        URI url = arguments.url();
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(IXOPAY_DATE);
        SignatureVariant variant = arguments.md5() ? SignatureVariant.MD5 : SignatureVariant.SHA512;
        String signature = SignatureVerifier.sign(new SignedRequest("POST", body, CONTENT_TYPE, date, target),
                arguments.secret().getBytes(StandardCharsets.UTF_8), variant);

        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", CONTENT_TYPE)
                .header("Date", date)
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        }
    }

    record SendArguments(URI url, String secret, boolean md5, Path file) {

        static SendArguments parse(String[] args) {
            URI url = null;
            String secret = null;
            boolean md5 = false;
            Path file = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = URI.create(value(args, ++i, "--url"));
                    case "--secret" -> secret = value(args, ++i, "--secret");
                    case "--md5" -> md5 = true;
                    default -> file = Path.of(args[i]);
                }
            }
            if (url == null || secret == null || file == null) {
                throw new IllegalArgumentException("--url, --secret and a FILE are required");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            return new SendArguments(url, secret, md5, file);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
