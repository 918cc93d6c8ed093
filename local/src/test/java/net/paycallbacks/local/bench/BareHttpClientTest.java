package net.paycallbacks.local.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's HTTP client against a real Vert.x server: answers, statuses, queueing and broken connections. */
class BareHttpClientTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicInteger serverConnections = new AtomicInteger();

    @BeforeAll
    static void startServer() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .connectionHandler(connection -> serverConnections.incrementAndGet())
                .requestHandler(BareHttpClientTest::answer)
                .listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stopServer() {
        vertx.close().await();
    }

    /** /status/{code}/{n}: answers that status after the whole body came; /close/{n}: drops the connection; /chunked/{n}. */
    private static void answer(HttpServerRequest request) {
        String[] path = request.path().split("/");
        request.body().onSuccess(body -> {
            switch (path[1]) {
                case "status" -> request.response().setStatusCode(Integer.parseInt(path[2]))
                        .end("answer to " + path[3] + " of " + body.length() + " bytes");
                case "close" -> request.connection().close();
                case "chunked" -> request.response().setChunked(true).end("no length");
                default -> request.response().setStatusCode(404).end();
            }
        });
    }

    @Test
    void moreRequestsThanConnectionsAreAllAnsweredOverTheLimitedConnections() throws IOException {
        int before = serverConnections.get();
        Heard heard = new Heard();
        String body = "x".repeat(1_000);

        try (var client = new BareHttpClient(address(), 3, n -> post("/status/200/" + n, body), heard)) {
            for (int n = 0; n < 50; n++) {
                client.send(n);
            }
            heard.awaitAll(client, 50);

            assertThat(client.connections()).isEqualTo(3);
        }
        assertThat(heard.statuses).hasSize(50).allSatisfy((n, status) -> assertThat(status).isEqualTo(200));
        assertThat(heard.failures).isEmpty();
        assertThat(serverConnections.get() - before).isEqualTo(3);
    }

    @Test
    void eachRequestHearsItsOwnStatus() throws IOException {
        Heard heard = new Heard();
        IntFunction<byte[]> requests = n -> post("/status/" + (n % 2 == 0 ? 200 : 401) + "/" + n, "{}");

        try (var client = new BareHttpClient(address(), 2, requests, heard)) {
            for (int n = 0; n < 10; n++) {
                client.send(n);
            }
            heard.awaitAll(client, 10);
        }
        assertThat(heard.statuses).hasSize(10).allSatisfy((n, status) -> assertThat(status).isEqualTo(n % 2 == 0 ? 200 : 401));
    }

    @Test
    void aConnectionTheServerClosesFailsItsRequestAndTheNextOnesGoOnANewOne() throws IOException {
        Heard heard = new Heard();
        IntFunction<byte[]> requests = n -> post((n == 0 ? "/close/" : "/status/200/") + n, "{}");
        int before = serverConnections.get();

        try (var client = new BareHttpClient(address(), 1, requests, heard)) {
            for (int n = 0; n < 5; n++) {
                client.send(n);
            }
            heard.awaitAll(client, 5);

            assertThat(client.connections()).isEqualTo(1);
        }
        assertThat(serverConnections.get() - before).as("connections the server saw").isEqualTo(2);
        assertThat(heard.failures).containsOnlyKeys(0).containsEntry(0, "the server closed the connection");
        assertThat(heard.statuses).containsOnlyKeys(1, 2, 3, 4);
    }

    @Test
    void aResponseWithoutContentLengthFailsThatRequest() throws IOException {
        Heard heard = new Heard();

        try (var client = new BareHttpClient(address(), 1, n -> post("/chunked/" + n, "{}"), heard)) {
            client.send(7);
            heard.awaitAll(client, 1);
        }
        assertThat(heard.failures).containsOnlyKeys(7);
        assertThat(heard.failures.get(7)).contains("Content-Length");
    }

    @Test
    void nothingListeningFailsTheRequestWithTheReason() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Heard heard = new Heard();

        try (var client = new BareHttpClient(new InetSocketAddress("127.0.0.1", closedPort), 1, n -> post("/status/200/0", ""), heard)) {
            client.send(0);
            heard.awaitAll(client, 1);
        }
        assertThat(heard.statuses).isEmpty();
        assertThat(heard.failures).containsOnlyKeys(0);
        assertThat(heard.failures.get(0)).containsIgnoringCase("refused");
    }

    @Test
    void contentLengthIsFoundWhateverItsCaseAndMissingIsMinusOne() {
        assertThat(BareHttpClient.contentLength("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nContent-Length: 2")).isEqualTo(2);
        assertThat(BareHttpClient.contentLength("HTTP/1.1 200 OK\r\nCONTENT-LENGTH:17\r\nx: y")).isEqualTo(17);
        assertThat(BareHttpClient.contentLength("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked")).isEqualTo(-1);
    }

    @Test
    void indexOfLooksOnlyAtWhatWasRead() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        buffer.put("ab\r\n\r\ncd".getBytes(StandardCharsets.ISO_8859_1));
        byte[] end = {'\r', '\n', '\r', '\n'};

        assertThat(BareHttpClient.indexOf(buffer, end)).isEqualTo(2);
        assertThat(BareHttpClient.indexOf(buffer.position(5), end)).isEqualTo(-1);
    }

    private static InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.actualPort());
    }

    private static byte[] post(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + bytes.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return request;
    }

    private static final class Heard implements BareHttpClient.Answers {
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final Map<Integer, String> failures = new ConcurrentHashMap<>();

        @Override
        public void answered(int request, int status) {
            statuses.put(request, status);
        }

        @Override
        public void failed(int request, String why) {
            failures.put(request, why);
        }

        void awaitAll(BareHttpClient client, int count) throws IOException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (statuses.size() + failures.size() < count && System.nanoTime() < deadline) {
                client.poll(10);
            }
            assertThat(statuses.size() + failures.size()).as("requests heard of").isEqualTo(count);
        }
    }
}
