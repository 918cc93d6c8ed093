package net.paycallbacks.ingress.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A real HTTP/1.1 client for the tests that sends exactly the bytes, headers and request-target given:
 * one connection per request, {@code Connection: close}, over a plain socket.
 * <p>
 * Vert.x's client hung now and then under a loaded CPU without even opening a connection (about one
 * request in 7,000 in a loop of the bad-input cases), which failed CI; a blocking socket has no pool.
 */
public final class IngressClient implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private final int port;

    public IngressClient(int port) {
        this.port = port;
    }

    public HttpAnswer send(SignedCallback callback) {
        return exchange(callback.method(), callback.uri(), callback.headers(), callback.body());
    }

    public HttpAnswer get(String uri) {
        return exchange("GET", uri, Map.of(), null);
    }

    private HttpAnswer exchange(String method, String uri, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, uri, headers, body).getBytes(StandardCharsets.ISO_8859_1));
            writeBody(out, body);
            return read(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no HTTP answer within 30 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP answer from the ingress: " + e.getMessage(), e);
        }
    }

    private static String head(String method, String uri, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(uri).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** A server may refuse (413) and close before the whole body is written; its answer is still there to read. */
    private static void writeBody(OutputStream out, byte[] body) {
        try {
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException refusedEarly) {
            // The answer, or the reason there is none, comes from reading.
        }
    }

    private static HttpAnswer read(InputStream in) throws IOException {
        byte[] received = in.readAllBytes();
        int headersEnd = indexOf(received, HEADERS_END);
        if (headersEnd < 0) {
            throw new IOException("the connection closed before a whole HTTP head arrived (" + received.length + " bytes)");
        }
        String[] lines = new String(received, 0, headersEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        int contentLength = received.length - headersEnd - HEADERS_END.length;
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                contentLength = Integer.parseInt(value);
            }
        }
        int bodyStart = headersEnd + HEADERS_END.length;
        if (bodyStart + contentLength > received.length) {
            throw new IOException("the connection closed before the whole body arrived");
        }
        return new HttpAnswer(status, contentType, new String(received, bodyStart, contentLength, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        // Nothing is kept open between requests.
    }
}
