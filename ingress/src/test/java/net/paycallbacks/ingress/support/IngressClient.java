package net.paycallbacks.ingress.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real HTTP/1.1 client for the tests that sends exactly the bytes, headers and request-target given,
 * over a plain socket. It adds only {@code Host}, {@code Connection} and {@code Content-Length}.
 * <p>
 * Vert.x's client hung now and then under a loaded CPU without even opening a connection (about one
 * request in 7,000 in a loop of the bad-input cases), which failed CI; a blocking socket has no pool.
 * Nothing is kept open between calls, so there is nothing to close.
 */
public final class IngressClient {

    private static final int TIMEOUT_SECONDS = 30;

    private final int port;

    public IngressClient(int port) {
        this.port = port;
    }

    /** One request on a connection of its own. */
    public HttpAnswer send(SignedCallback callback) {
        return exchange(List.of(callback)).getFirst();
    }

    /** Requests one after the other on one keep-alive connection, each sent once the one before is answered. */
    public List<HttpAnswer> sendOnOneConnection(SignedCallback first, SignedCallback second) {
        return exchange(List.of(first, second));
    }

    public HttpAnswer get(String uri) {
        return exchange(List.of(new SignedCallback("GET", uri, Map.of(), null))).getFirst();
    }

    private List<HttpAnswer> exchange(List<SignedCallback> requests) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_SECONDS * 1000);
            socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<HttpAnswer> answers = new ArrayList<>();
            for (SignedCallback request : requests) {
                boolean last = answers.size() == requests.size() - 1;
                write(socket.getOutputStream(), bytesOf(request, last ? "close" : "keep-alive"));
                answers.add(readAnswer(in));
            }
            return answers;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no HTTP answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP answer from the ingress: " + e.getMessage(), e);
        }
    }

    private byte[] bytesOf(SignedCallback request, String connection) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.uri()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: ").append(connection).append("\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (request.body() != null) {
            bytes.writeBytes(request.body());
        }
        return bytes.toByteArray();
    }

    /** A server may refuse (413) and close before the whole request is written; its answer is still there to read. */
    private static void write(OutputStream out, byte[] request) {
        try {
            out.write(request);
            out.flush();
        } catch (IOException refusedEarly) {
            // The answer, or the reason there is none, comes from reading.
        }
    }

    /** Reads one answer by its Content-Length, so a connection closed or reset after it loses nothing. */
    private static HttpAnswer readAnswer(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        int contentLength = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                contentLength = Integer.parseInt(value);
            }
        }
        byte[] body = contentLength < 0 ? in.readAllBytes() : in.readNBytes(contentLength);
        if (contentLength >= 0 && body.length < contentLength) {
            throw new IOException("the connection closed after " + body.length + " of " + contentLength + " body bytes");
        }
        return new HttpAnswer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of an HTTP head");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
