package net.paycallbacks.processor;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.streams.BoundedRocksDbConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(Env.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092");

    @Test
    void defaultsNeedOnlyTheBrokers() {
        ProcessorConfig config = ProcessorConfig.from(new Env(MINIMAL));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.advertisedHost()).isEqualTo(ProcessorConfig.localHostName());
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.rocksDbMemoryMib()).isEqualTo(128);
        Properties streams = ProcessorApp.streamsProperties(config, new HostInfo("localhost", 8080));
        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "ixopay-processor")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:8080")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                        String.valueOf(Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 6)))
                .containsEntry("producer.batch.size", String.valueOf(256 * 1024))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    }

    @Test
    void kafkaVariablesPassThroughButCannotWeakenExactlyOnce() {
        ProcessorConfig config = ProcessorConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, "kafka:9092",
                "KAFKA_STATE_DIR", "/var/lib/processor",
                "KAFKA_APPLICATION_ID", "payments-eu",
                "KAFKA_NUM_STREAM_THREADS", "2",
                "KAFKA_PRODUCER_BATCH_SIZE", "65536",
                "KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "KAFKA_PROCESSING_EXCEPTION_HANDLER", "org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler",
                "HTTP_ADVERTISED_HOST", "10.0.0.7",
                "HTTP_PORT", "9000",
                "ROCKSDB_MEMORY_MIB", "512")));

        assertThat(config.rocksDbMemoryMib()).isEqualTo(512);

        Properties streams = ProcessorApp.streamsProperties(config, new HostInfo(config.advertisedHost(), config.httpPort()));
        assertThat(streams).containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/processor")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "payments-eu")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                .containsEntry("producer.batch.size", "65536")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "10.0.0.7:9000")
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        "org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler");
    }

    @Test
    void aMissingOrBadVariableIsNamed() {
        assertThatThrownBy(() -> ProcessorConfig.from(new Env(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(Env.KAFKA_BOOTSTRAP_SERVERS);
        assertThatThrownBy(() -> ProcessorConfig.from(new Env(Map.of(Env.KAFKA_BOOTSTRAP_SERVERS, "k:9092", "HTTP_PORT", "eighty"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("HTTP_PORT");
        assertThatThrownBy(() -> ProcessorConfig.from(new Env(Map.of(Env.KAFKA_BOOTSTRAP_SERVERS, "k:9092", "ROCKSDB_MEMORY_MIB", "8"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("ROCKSDB_MEMORY_MIB");
    }
}
