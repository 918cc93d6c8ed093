package net.paycallbacks.local;

import net.paycallbacks.common.SignatureVariant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signs a callback body the way IXOPAY does and posts it: for trying the ingress and for debugging
 * a real integration. Usage: {@code send-callback (--url URL | --connector NAME) --secret SECRET [--md5] FILE}.
 */
public final class SendCallback {

    private SendCallback() {
    }

    public static void main(String[] args) throws InterruptedException {
        SendArguments arguments;
        try {
            arguments = SendArguments.parse(args, System.getenv().getOrDefault("HTTP_PORT", "8080"));
        } catch (IllegalArgumentException e) {
            System.err.println("send-callback: " + e.getMessage());
            System.err.println("usage: send-callback (--url http://127.0.0.1:8080/callbacks/demo | --connector demo) --secret SECRET [--md5] FILE");
            System.exit(2);
            return;
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = SignedPost.post(client, arguments.url(), arguments.secret(),
                    arguments.md5() ? SignatureVariant.MD5 : SignatureVariant.SHA512, Files.readAllBytes(arguments.file()));
            System.out.println(response.statusCode() + " " + response.body());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (IOException e) {
            System.err.println("send-callback: " + e.getMessage());
            System.exit(1);
        }
    }

    record SendArguments(URI url, String secret, boolean md5, Path file) {

        /** {@code --connector C} is short for the local ingress's URL for C (port {@code localPort}). */
        static SendArguments parse(String[] args, String localPort) {
            URI url = null;
            String secret = null;
            boolean md5 = false;
            Path file = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = URI.create(value(args, ++i, "--url"));
                    case "--connector" -> url = URI.create("http://127.0.0.1:" + localPort + "/callbacks/" + value(args, ++i, "--connector"));
                    case "--secret" -> secret = value(args, ++i, "--secret");
                    case "--md5" -> md5 = true;
                    default -> file = Path.of(args[i]);
                }
            }
            if (url == null || secret == null || file == null) {
                throw new IllegalArgumentException("--url (or --connector), --secret and a FILE are required");
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
