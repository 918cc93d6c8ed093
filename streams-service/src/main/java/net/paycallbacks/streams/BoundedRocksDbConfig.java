package net.paycallbacks.streams;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;
import org.rocksdb.Priority;

import java.util.Map;

/**
 * Kafka Streams' {@code rocksdb.config.setter} for the product's services: every store takes its memory
 * from the client's one {@link RocksDbMemory}, which {@link GuardedStreams} puts into the settings, and
 * compactions run at a low CPU priority.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(RocksDbMemory.CONFIG) instanceof RocksDbMemory memory)) {
            throw new ConfigException(RocksDbMemory.CONFIG, configs.get(RocksDbMemory.CONFIG),
                    "store " + storeName + " needs the RocksDB memory budget that GuardedStreams sets");
        }
        memory.applyTo(options);
        // Compactions come in bursts of a third of a core for a few seconds, and the worst seconds of the end-to-end
        // latency fell in them: let them use what the service leaves. Flushes (the high pool) keep their priority,
        // since writes stall when memtables cannot be flushed. The setting is the process's; setting it again is harmless.
        options.getEnv().lowerThreadPoolCPUPriority(Priority.LOW);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the memtable budget are shared by every store: GuardedStreams closes them after Streams.
    }
}
