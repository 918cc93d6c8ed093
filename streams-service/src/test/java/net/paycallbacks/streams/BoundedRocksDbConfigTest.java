package net.paycallbacks.streams;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Real RocksDB databases, configured as Kafka Streams configures a store: its options, then the setter. */
class BoundedRocksDbConfigTest {

    private static final long BUDGET = 16L << 20;
    /** Kafka Streams' own memtable size per store: without the budget, nothing here would be flushed. */
    private static final long STREAMS_WRITE_BUFFER = 16L << 20;

    @TempDir
    Path dir;

    @Test
    void storesWrittenBeyondTheBudgetFlushTheirMemtablesAndStayWithinIt() throws Exception {
        RocksDbMemory memory = new RocksDbMemory(BUDGET);
        List<Options> options = new ArrayList<>();
        List<RocksDB> stores = new ArrayList<>();
        try {
            for (int store = 0; store < 2; store++) {
                options.add(storeOptions(memory));
                stores.add(RocksDB.open(options.getLast(), dir.resolve("store-" + store).toString()));
            }
            // 2 x 14 MiB: each store below its own memtable size, both together far above the budget's half.
            byte[] value = new byte[1024];
            for (int i = 0; i < 14 * 1024; i++) {
                Arrays.fill(value, (byte) i);
                for (RocksDB store : stores) {
                    store.put(("key-" + i).getBytes(), value);
                }
            }

            // The flushes the budget asks for run in the background.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(memtableBytes(stores)).as("memtables of both stores").isLessThan(BUDGET);
                assertThat(memory.usage()).as("the shared cache, memtables included").isLessThan(BUDGET + (BUDGET >> 2));
            });
            assertThat(stores.getFirst().get("key-100".getBytes())).as("flushed data is still read").hasSize(1024);
        } finally {
            stores.forEach(RocksDB::close);
            options.forEach(Options::close);
            memory.close();
        }
    }

    @Test
    void everyStoreKeepsItsIndexAndFilterBlocksInTheCacheAndItsMemtablesInTheBudget() {
        try (RocksDbMemory memory = new RocksDbMemory(BUDGET); Options options = storeOptions(memory)) {
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();

            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinL0FilterAndIndexBlocksInCache()).isTrue();
            assertThat(options.writeBufferManager()).isSameAs(memory.writeBuffers());
        }
    }

    @Test
    void aMissOnTheLastLevelIsAnsweredByItsBloomFilter() throws Exception {
        try (RocksDbMemory memory = new RocksDbMemory(BUDGET); Options options = storeOptions(memory);
             Statistics statistics = new Statistics()) {
            options.setStatistics(statistics);
            try (RocksDB store = RocksDB.open(options, dir.resolve("store").toString())) {
                for (int i = 0; i < 10_000; i += 2) {
                    store.put(key(i), new byte[100]);
                }
                store.compactRange(); // everything into one file on the last level
                long before = statistics.getTickerCount(TickerType.BLOOM_FILTER_USEFUL);

                // Odd keys, within the file's key range: a key outside it is ruled out without the filter.
                for (int i = 1; i < 2_000; i += 2) {
                    assertThat(store.get(key(i))).isNull();
                }

                assertThat(statistics.getTickerCount(TickerType.BLOOM_FILTER_USEFUL) - before)
                        .as("misses the filter answered without reading the table").isGreaterThan(900);
            }
        }
    }

    @Test
    void compactionsRunAtTheLowestCpuPriorityAndFlushesAtTheNormalOne() throws Exception {
        try (RocksDbMemory memory = new RocksDbMemory(BUDGET); Options options = storeOptions(memory);
             RocksDB store = RocksDB.open(options, dir.resolve("store").toString());
             FlushOptions waitForIt = new FlushOptions().setWaitForFlush(true)) {
            for (int file = 0; file < 2; file++) {
                for (int i = file; i < 1_000; i += 2) {
                    store.put(key(i), new byte[100]);
                }
                store.flush(waitForIt); // on a thread of the high pool
            }
            store.compactRange(); // on a thread of the low pool, which takes the pool's priority before its first job

            int ours = nice(Path.of("/proc/thread-self"));
            assertThat(niceOfThreads("rocksdb:low")).as("compaction threads' nice values").contains(19);
            assertThat(niceOfThreads("rocksdb:high")).as("flush threads' nice values, against this thread's")
                    .containsOnly(ours);
        }
    }

    @Test
    void aStoreWithoutTheBudgetInItsSettingsFailsNamingTheSetting() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());

            assertThatThrownBy(() -> new BoundedRocksDbConfig().setConfig("transactions", options, Map.of()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(RocksDbMemory.CONFIG)
                    .hasMessageContaining("transactions");
        }
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> new RocksDbMemory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** As {@code RocksDBStore} prepares a store: a block-based table with a Bloom filter, its memtable size,
     * filters for hits only, then the setter. */
    private static Options storeOptions(RocksDbMemory memory) {
        Options options = new Options().setCreateIfMissing(true).setWriteBufferSize(STREAMS_WRITE_BUFFER);
        options.setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter()));
        options.setOptimizeFiltersForHits(true);
        new BoundedRocksDbConfig().setConfig("transactions", options, Map.of(RocksDbMemory.CONFIG, memory));
        return options;
    }

    private static byte[] key(int i) {
        return "key-%05d".formatted(i).getBytes();
    }

    /** The nice value of each of this process's threads with that name, from {@code /proc/self/task/<tid>/stat}. */
    private static List<Integer> niceOfThreads(String name) throws IOException {
        List<Integer> nice = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                    nice.add(nice(task));
                }
            }
        }
        return nice;
    }

    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        // The fields after the name in parentheses start with the third (state); nice is the nineteenth.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    private static long memtableBytes(List<RocksDB> stores) throws RocksDBException {
        long bytes = 0;
        for (RocksDB store : stores) {
            bytes += store.getLongProperty("rocksdb.cur-size-all-mem-tables");
        }
        return bytes;
    }
}
