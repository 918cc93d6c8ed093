package net.paycallbacks.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real, single-node Apache Kafka broker (KRaft combined mode) running in this JVM, for tests and
 * the local stack. It is the one place that touches Kafka's server internals, which are tied to the
 * Kafka version in the build: an upgrade that changes them breaks here and nowhere else.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path dataDir, boolean deleteOnClose, int brokerPort) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
        this.controllerPort = freePort();
    }

    /** A broker on free ports whose data lives in a scratch folder deleted on close. */
    public static EmbeddedKafkaBroker startScratch() {
        try {
            return start(Files.createTempDirectory("embedded-kafka-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on the given port (0: any free port) with its data in {@code dataDir}. */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, boolean deleteOnClose) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, deleteOnClose, brokerPort);
        broker.formatIfNew();
        broker.startServer();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops the broker abruptly-but-cleanly, keeping its data and ports for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        long started = System.nanoTime();
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(brokerProperties(), false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        LOG.info("Embedded Kafka broker up at {} in {} ms", bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    private void formatIfNew() {
        Path logDir = dataDir.resolve("log");
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = writeConfigFile();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(new String[] {
            "format", "--config", configFile.toString(), "--cluster-id", Uuid.randomUuid().toString()
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the embedded Kafka storage failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private Path writeConfigFile() {
        Path configFile = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                brokerProperties().store(writer, "embedded Kafka broker");
            }
            return configFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        // Static voters: formatting then needs no --standalone and restarts keep the same quorum.
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("log").toString());
        // One node: every internal topic must live with a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Consumer groups form at once instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with their settings; a typo must not create a topic.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }
}
