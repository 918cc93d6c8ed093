package net.paycallbacks.ingress.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeUnit;

/** A real HTTP client for the tests: sends exactly the bytes, headers and request-target given. */
public final class IngressClient implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    // A new connection per request: Vert.x's client pool hung now and then when it reused a connection
    // on which the server had answered before reading the whole body (413, 405).
    private final HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    private final int port;

    public IngressClient(int port) {
        this.port = port;
    }

    public HttpAnswer send(SignedCallback callback) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(callback.method()))
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI(callback.uri());
        callback.headers().forEach(options::putHeader);
        return await(client.request(options)
                .compose(request -> request.send(Buffer.buffer(callback.body())))
                .compose(response -> response.body().map(body -> answer(response, body))));
    }

    public HttpAnswer get(String uri) {
        return await(client.request(HttpMethod.GET, port, "127.0.0.1", uri)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> answer(response, body))));
    }

    private static HttpAnswer answer(HttpClientResponse response, Buffer body) {
        return new HttpAnswer(response.statusCode(), response.getHeader("Content-Type"), body.toString());
    }

    private static HttpAnswer await(io.vertx.core.Future<HttpAnswer> answer) {
        try {
            return answer.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no HTTP answer within 30 s", e);
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
