package net.paycallbacks.streams;

import net.paycallbacks.common.config.Env;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all RocksDB stores of a Kafka Streams client: their block cache, their index
 * and filter blocks and their memtables share it. Without it every store partition gets Kafka Streams'
 * defaults (a 50 MiB cache and up to three 16 MiB memtables each, plus index and filter blocks that grow with
 * the data), which no container memory limit accounts for.
 */
public final class RocksDbMemory implements AutoCloseable {

    /** The environment variable that sets the budget, in MiB. */
    public static final String ENV = "ROCKSDB_MEMORY_MIB";
    /** The Streams setting that carries this budget to {@link BoundedRocksDbConfig}, which each store calls. */
    public static final String CONFIG = "paycallbacks.rocksdb.memory";
    /** Memtables are charged to the same cache, up to this share; a store flushes earlier when they reach it. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** The cache's high-priority pool, where index and filter blocks are the last evicted: a read needs them first. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;

    public RocksDbMemory(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a RocksDB memory budget must be positive, not " + bytes);
        }
        RocksDB.loadLibrary();
        // Not strict: a strict cache fails reads when pinned blocks fill it, instead of going over for a moment.
        this.cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
        this.writeBuffers = new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache);
    }

    /** The budget in MiB from {@link #ENV}, or the service's own default. */
    public static int mebibytes(Env env, int fallback) {
        return env.integer(ENV, fallback, 16, 1 << 20);
    }

    /** Points one store's options at the shared cache and memtable budget, with filters on every level. */
    void applyTo(Options options) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setTableFormatConfig(table);
        // Kafka Streams builds no Bloom filter for the last level, which holds most keys, expecting reads to hit.
        // The first callback of every transaction misses; without the filter each miss read an index and a data block.
        options.setOptimizeFiltersForHits(false);
        options.setWriteBufferManager(writeBuffers);
    }

    /** What the stores hold in the cache now, memtables included. */
    long usage() {
        return cache.getUsage();
    }

    WriteBufferManager writeBuffers() {
        return writeBuffers;
    }

    /** Only once every store using it has closed: RocksDB must not be left with a cache that is gone. */
    @Override
    public void close() {
        writeBuffers.close();
        cache.close();
    }
}
