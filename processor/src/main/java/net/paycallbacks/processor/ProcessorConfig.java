package net.paycallbacks.processor;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.KafkaClientConfig;
import net.paycallbacks.streams.RocksDbMemory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;

/**
 * The processor's settings, read once from the environment and validated.
 *
 * @param advertisedHost   how other instances reach this one's HTTP port, to forward a query for a
 *                         transaction this instance does not own (Kafka Streams' {@code application.server})
 * @param rocksDbMemoryMib what the store's RocksDB may use in all: cache, index and filter blocks, memtables
 */
public record ProcessorConfig(int httpPort, String advertisedHost, Duration shutdownGrace, int rocksDbMemoryMib,
                              Properties kafka) {

    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String HTTP_ADVERTISED_HOST = "HTTP_ADVERTISED_HOST";
    public static final String SHUTDOWN_GRACE = "SHUTDOWN_GRACE";
    /** Named here too: deploy-check learns which variables a service reads from its config class's constants. */
    public static final String ROCKSDB_MEMORY_MIB = RocksDbMemory.ENV;
    public static final String DEFAULT_APPLICATION_ID = "ixopay-processor";

    public static ProcessorConfig from(Env env) {
        return new ProcessorConfig(
                env.integer(HTTP_PORT, 8080, 0, 65535),
                env.string(HTTP_ADVERTISED_HOST, localHostName()),
                env.duration(SHUTDOWN_GRACE, Duration.ofSeconds(30)),
                RocksDbMemory.mebibytes(env, 128),
                env.kafkaProperties());
    }

    /**
     * The machine's name (a pod's name resolves to its IP on Kubernetes). Not "localhost": several
     * instances advertising "localhost" would each think they own every transaction.
     */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new ConfigException(HTTP_ADVERTISED_HOST, "is not set and this machine's name cannot be resolved");
        }
    }

    public String describe() {
        return "httpPort=" + httpPort
                + ", advertisedHost=" + advertisedHost
                + ", shutdownGrace=" + shutdownGrace.toMillis() + "ms"
                + ", rocksDbMemory=" + rocksDbMemoryMib + "MiB"
                + ", kafka=" + KafkaClientConfig.describe(kafka);
    }
}
