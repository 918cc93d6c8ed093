package net.paycallbacks.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads what a test's actions wrote to a topic: mark the end, act, then read from the mark until
 * a condition holds. Reads with read_committed, as the product's subscribers do.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    public TopicProbe(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Forgets everything written so far: the next reads start at the current end of the topic. */
    public TopicProbe markEnd() {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return this;
    }

    /** Reads from the mark until the records read so far satisfy {@code done}, or fails after {@code timeout}. */
    public List<ConsumerRecord<byte[], byte[]>> readUntil(Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                          Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(read)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; read " + read.size() + " records");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(read::add);
        }
        return read;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
