import net.paycallbacks.processor.callback.CallbackParser;
import net.paycallbacks.processor.callback.ParsedCallback;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * For bench/callback-parse.sh: the processor's parse of one callback (CallbackParser.parse), on one thread, with the
 * local pipeline's jar of some commit on the class path. The bodies are the benchmarks' own ~1 KB card callbacks
 * (BenchRequests.body, package-private, so through reflection), each with its own uuid; every parse must be readable. Prints
 * "LABEL ns_per_parse bytes_allocated_per_parse": the median of ROUNDS passes over all bodies, after WARMUP passes.
 * Args: LABEL BODIES WARMUP ROUNDS.
 */
public final class CallbackParse {

    public static void main(String[] args) throws Exception {
        String label = args[0];
        int count = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Method body = Class.forName("net.paycallbacks.local.bench.BenchRequests").getDeclaredMethod("body", String.class, int.class);
        body.setAccessible(true);
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            bodies[i] = ((String) body.invoke(null, String.format("bench%015d", i), i)).getBytes(StandardCharsets.UTF_8);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().threadId();
        long[] nanos = new long[rounds];
        long[] bytes = new long[rounds];
        long readable = 0;
        for (int pass = -warmup; pass < rounds; pass++) {
            long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
            long start = System.nanoTime();
            for (byte[] b : bodies) {
                readable += CallbackParser.parse(b) instanceof ParsedCallback.Readable ? 1 : 0;
            }
            long elapsed = System.nanoTime() - start;
            if (pass >= 0) {
                nanos[pass] = elapsed / count;
                bytes[pass] = (threads.getThreadAllocatedBytes(threadId) - allocatedBefore) / count;
            }
        }
        if (readable != (long) (warmup + rounds) * count) {
            throw new IllegalStateException((warmup + rounds) * count - readable + " of the benchmark's callbacks were not readable");
        }
        Arrays.sort(nanos);
        Arrays.sort(bytes);
        System.out.println(label + " " + nanos[rounds / 2] + " " + bytes[rounds / 2]);
    }
}
