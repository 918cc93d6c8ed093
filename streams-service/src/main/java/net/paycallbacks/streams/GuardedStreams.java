package net.paycallbacks.streams;

import net.paycallbacks.common.config.KafkaClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kafka Streams run the way every Streams service of the product must run: exactly_once_v2, no
 * exception handler that skips records, an unexpected failure stopping the client (and the
 * service, through {@code onFatalError}) instead of going on, and a stop that commits and leaves
 * the consumer group, so a restart gets its partitions at once instead of after a session timeout.
 * Its RocksDB stores share one memory budget ({@link RocksDbMemory}), freed once Streams has closed.
 */
public final class GuardedStreams {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedStreams.class);
    /** What nobody may override: a handler that skips records would drop data silently. */
    private static final Map<String, String> ENFORCED = Map.of(
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class.getName(),
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class.getName(),
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class.getName());

    private final RocksDbMemory rocksDbMemory;
    private final KafkaStreams streams;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** {@code onFatalError} runs if Streams stops by itself after an error (not when {@link #close} stops it). */
    public GuardedStreams(Topology topology, Properties properties, int rocksDbMemoryMib, Runnable onFatalError) {
        this.rocksDbMemory = new RocksDbMemory((long) rocksDbMemoryMib << 20);
        Properties withMemory = new Properties();
        withMemory.putAll(properties);
        withMemory.put(RocksDbMemory.CONFIG, rocksDbMemory);
        try {
            this.streams = new KafkaStreams(topology, withMemory);
        } catch (RuntimeException invalid) {
            rocksDbMemory.close(); // no store has opened yet
            throw invalid;
        }
        streams.setUncaughtExceptionHandler(failure -> {
            LOG.error("Processing failed; stopping so that nothing is skipped (restart to retry)", failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR && !stopping.get()) {
                onFatalError.run();
            }
        });
    }

    /**
     * The service's defaults (over the bounded RocksDB memory every service has), then what the operator
     * passed as {@code KAFKA_*}, then the settings every Streams service enforces plus the service's own
     * ({@code alsoEnforced}).
     */
    public static Properties properties(Map<String, ?> defaults, Properties fromEnvironment, Map<String, ?> alsoEnforced) {
        Map<String, Object> withDefaults = new HashMap<>(Map.of(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName()));
        withDefaults.putAll(defaults);
        Map<String, Object> enforced = new HashMap<>(alsoEnforced);
        enforced.putAll(ENFORCED);
        return KafkaClientConfig.layered(withDefaults, fromEnvironment, enforced);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        streams.start();
    }

    /** Processing, and not being stopped: what readiness reports. */
    public boolean isRunning() {
        return !stopping.get() && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Blocking: commits what was processed and leaves the group, waiting at most {@code grace}. */
    public void close(Duration grace) {
        stopping.set(true);
        boolean closed = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(grace));
        if (closed) {
            rocksDbMemory.close();
        } else {
            // The stores may still be open: their memory stays until the process ends.
            LOG.warn("Kafka Streams did not close within {}", grace);
        }
    }
}
