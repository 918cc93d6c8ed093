package net.paycallbacks.local.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * For the processor benchmark's load generator: an HTTP/1.1 client that does no more than it must,
 * driven by {@link #poll} on the caller's thread. Keep-alive connections, one request at a time on
 * each, a new one opened (up to a limit) when none is free, otherwise the request waits its turn.
 * It shares two cores with everything it measures, and Vert.x's client cost about 25 µs of CPU per
 * request there, so that at 21,000 requests/s it took a quarter of the machine.
 * <p>
 * Requests are numbered; {@code requests} makes the bytes of one when it is written, and
 * {@link Answers} hears how each ended. Only responses with a Content-Length are understood (what
 * Vert.x servers send for a whole body); anything else fails that request and its connection.
 */
final class BareHttpClient implements AutoCloseable {

    interface Answers {
        void answered(int request, int status);

        void failed(int request, String why);
    }

    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private final InetSocketAddress address;
    private final int maxConnections;
    private final IntFunction<byte[]> requests;
    private final Answers answers;
    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private int connections;

    BareHttpClient(InetSocketAddress address, int maxConnections, IntFunction<byte[]> requests, Answers answers)
            throws IOException {
        this.address = address;
        this.maxConnections = maxConnections;
        this.requests = requests;
        this.answers = answers;
        this.selector = Selector.open();
    }

    /** Request number {@code request} goes out now if a connection is free or can be opened, else when one is. */
    void send(int request) {
        Connection connection = idle.poll();
        if (connection != null) {
            connection.start(request);
        } else if (connections < maxConnections) {
            open(request);
        } else {
            waiting.add(request);
        }
    }

    /** Handles what the sockets have ready, waiting up to {@code timeoutMillis} (at least 1) for something to be. */
    void poll(long timeoutMillis) throws IOException {
        selector.select(key -> ((Connection) key.attachment()).ready(), Math.max(1, timeoutMillis));
    }

    int connections() {
        return connections;
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    private void open(int request) {
        connections++;
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel);
            connection.request = request;
            channel.register(selector, SelectionKey.OP_CONNECT, connection);
            if (channel.connect(address)) {
                connection.connected();
            }
        } catch (IOException e) {
            connections--;
            answers.failed(request, "cannot connect to " + address + ": " + e.getMessage());
        }
    }

    /** A connection slot came free: waiting requests take it, each on a new connection. */
    private void refill() {
        Integer next;
        while (connections < maxConnections && (next = waiting.poll()) != null) {
            open(next);
        }
    }

    /** The connection is free again: it takes the next waiting request, or waits for one. */
    private void free(Connection connection) {
        Integer next = waiting.poll();
        if (next != null) {
            connection.start(next);
        } else {
            idle.add(connection);
        }
    }

    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(4096);
        private ByteBuffer out;
        private int request = -1;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void start(int request) {
            this.request = request;
            out = ByteBuffer.wrap(requests.apply(request));
            write();
        }

        void ready() {
            SelectionKey key = channel.keyFor(selector);
            try {
                if (key.isConnectable() && channel.finishConnect()) {
                    connected();
                } else if (key.isWritable()) {
                    write();
                } else if (key.isReadable()) {
                    read();
                }
            } catch (IOException | RuntimeException e) { // a malformed response fails its request, not the run
                broken(e.toString());
            }
        }

        void connected() {
            start(request);
        }

        private void write() {
            try {
                channel.write(out);
                // A request larger than the socket's buffer is finished when the socket says it can take more.
                channel.keyFor(selector).interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException e) {
                broken(e.getMessage());
            }
        }

        private void read() throws IOException {
            if (channel.read(in) < 0) {
                broken("the server closed the connection");
                return;
            }
            int headersEnd = indexOf(in, HEADERS_END);
            if (headersEnd < 0) {
                if (!in.hasRemaining()) {
                    broken("response headers longer than " + in.capacity() + " bytes");
                }
                return;
            }
            String head = new String(in.array(), 0, headersEnd, StandardCharsets.ISO_8859_1);
            int contentLength = contentLength(head);
            if (contentLength < 0) {
                broken("a response without a Content-Length");
                return;
            }
            if (headersEnd + 4L + contentLength > in.capacity()) {
                broken("a response larger than " + in.capacity() + " bytes");
                return;
            }
            if (in.position() < headersEnd + 4 + contentLength) {
                return; // the rest of the body is still on its way
            }
            int status = Integer.parseInt(head, 9, 12, 10); // "HTTP/1.1 200 ..."
            int answered = request;
            in.clear();
            request = -1;
            answers.answered(answered, status);
            free(this);
        }

        private void broken(String why) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all that is left to do with it
            }
            idle.remove(this);
            connections--;
            if (request >= 0) {
                answers.failed(request, why);
            }
            refill();
        }
    }

    /** Where {@code pattern} starts in what {@code buffer} has read so far, or -1. */
    static int indexOf(ByteBuffer buffer, byte[] pattern) {
        byte[] bytes = buffer.array();
        outer:
        for (int i = 0; i + pattern.length <= buffer.position(); i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The Content-Length of a response's head (status line and headers), or -1 if it has none. */
    static int contentLength(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        int name = lower.indexOf("\r\ncontent-length:");
        if (name < 0) {
            return -1;
        }
        int value = name + "\r\ncontent-length:".length();
        int end = lower.indexOf("\r\n", value);
        return Integer.parseInt(lower.substring(value, end < 0 ? lower.length() : end).trim());
    }
}
