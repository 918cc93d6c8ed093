package net.paycallbacks.local.bench;

import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** For benchmarks: the embedded broker with the product's topics, in a process of its own. Args: DATA_DIR PORT. */
public final class BenchKafka {

    private BenchKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), true)
                .createTopics(TopicLayout.all());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("bench kafka ready at " + broker.bootstrapServers());
        stopped.await();
    }
}
