import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * For bench/rocksdb-get.sh: the time of one RocksDB get (one thread's wall time), for a key that is there and for
 * one that is not, with the rocksdbjni jar on the class path. Keys and values are shaped like the processor's store (a 36-character
 * uuid, about 600 bytes of state), the table has a Bloom filter on every level and a block cache larger than the
 * data, so both kinds of get are answered from memory. Prints "version hit_ns miss_ns", the medians of ROUNDS.
 * Args: KEYS ROUNDS.
 */
public final class RocksDbGet {

    public static void main(String[] args) throws Exception {
        int keys = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        RocksDB.loadLibrary();
        Path dir = Files.createTempDirectory("rocksdb-get");
        try (var filter = new BloomFilter(10);
             var cache = new LRUCache(256L << 20);
             var options = new Options().setCreateIfMissing(true)
                     .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(filter).setBlockCache(cache));
             var db = RocksDB.open(options, dir.toString());
             var flush = new FlushOptions().setWaitForFlush(true)) {
            byte[] value = new byte[600];
            for (int i = 0; i < keys; i++) {
                db.put(key(2 * i), value); // even numbers are there, odd ones are not
            }
            db.flush(flush);
            db.compactRange();
            long[] hits = new long[rounds];
            long[] misses = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                hits[round] = nanosPerGet(db, keys, 0);
                misses[round] = nanosPerGet(db, keys, 1);
            }
            System.out.printf("%s %d %d%n", RocksDB.rocksdbVersion(), median(hits), median(misses));
        }
    }

    /** Gets every key 2i + parity once, in a scrambled order; fails if a hit misses or a miss hits. */
    private static long nanosPerGet(RocksDB db, int keys, int parity) throws RocksDBException {
        byte[][] lookups = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            lookups[i] = key(2 * (int) ((i * 2_654_435_761L) % keys) + parity);
        }
        long began = System.nanoTime();
        for (byte[] key : lookups) {
            if ((db.get(key) == null) == (parity == 0)) {
                throw new IllegalStateException("a get answered wrongly for " + new String(key, StandardCharsets.US_ASCII));
            }
        }
        return (System.nanoTime() - began) / keys;
    }

    private static byte[] key(int n) {
        return "%08x-0000-4000-8000-%012x".formatted(n, n).getBytes(StandardCharsets.US_ASCII);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
