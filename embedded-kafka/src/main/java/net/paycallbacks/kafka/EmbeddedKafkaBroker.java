package net.paycallbacks.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        this.brokerPort = brokerPort == 0 ? FreePorts.any() : brokerPort;
        this.controllerPort = FreePorts.any();
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

    /** Creates the topics that are missing, with one replica: this broker is the only one. */
    public EmbeddedKafkaBroker createTopics(List<TopicLayout> layouts) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(layouts);
        }
        return this;
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
            deleteData(dataDir);
        }
    }

    private synchronized void startServer() {
        long started = System.nanoTime();
        KafkaConfig config = new KafkaConfig(KraftProperties.singleNode(dataDir, brokerPort, controllerPort), false);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
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
                KraftProperties.singleNode(dataDir, brokerPort, controllerPort).store(writer, "embedded Kafka broker");
            }
            return configFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a broker's data folder, for a fresh start. */
    public static void deleteData(Path root) {
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
