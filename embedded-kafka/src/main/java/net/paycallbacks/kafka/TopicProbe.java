package net.paycallbacks.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Reads from the mark everything the topic holds now, up to its current end in every partition. */
    public List<ConsumerRecord<byte[], byte[]>> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return readUntil(read -> end.entrySet().stream()
                .allMatch(partitionEnd -> consumer.position(partitionEnd.getKey()) >= partitionEnd.getValue()), timeout);
    }

    /** Reads from the mark until a record with this key arrives; returns all records read. */
    public List<ConsumerRecord<byte[], byte[]>> readUntilKey(String key, Duration timeout) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        return readUntil(read -> read.stream().anyMatch(record -> Arrays.equals(record.key(), wanted)), timeout);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
