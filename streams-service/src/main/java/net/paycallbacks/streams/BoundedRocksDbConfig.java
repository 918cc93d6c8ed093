package net.paycallbacks.streams;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

import java.util.Map;

/**
 * Kafka Streams' {@code rocksdb.config.setter} for the product's services: every store takes its memory
 * from the client's one {@link RocksDbMemory}, which {@link GuardedStreams} puts into the settings.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(RocksDbMemory.CONFIG) instanceof RocksDbMemory memory)) {
            throw new ConfigException(RocksDbMemory.CONFIG, configs.get(RocksDbMemory.CONFIG),
                    "store " + storeName + " needs the RocksDB memory budget that GuardedStreams sets");
        }
        memory.applyTo(options);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the memtable budget are shared by every store: GuardedStreams closes them after Streams.
    }
}
