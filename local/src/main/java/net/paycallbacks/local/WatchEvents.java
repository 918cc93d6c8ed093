package net.paycallbacks.local;

import net.paycallbacks.common.Topics;
import net.paycallbacks.common.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code transaction-events} as a subscriber sees them (read_committed), from the start, until
 * Ctrl-C: one header line per event, then its JSON. Usage: {@code WatchEvents BOOTSTRAP_SERVERS}.
 */
public final class WatchEvents {

    private WatchEvents() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: WatchEvents BOOTSTRAP_SERVERS");
            System.exit(2);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                // Only what the processor committed: aborted attempts are never shown.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSACTION_EVENTS.name(), Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            System.out.println("Watching " + Topics.TRANSACTION_EVENTS.name() + " on " + args[0] + " (Ctrl-C stops)");
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            while (true) {
                for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(describe(event));
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // Ctrl-C
        }
    }

    static String describe(ConsumerRecord<String, String> event) {
        return "--- " + CloudEventHeaders.text(event.headers(), CloudEventHeaders.TYPE)
                + "  transaction " + event.key()
                + "  (partition " + event.partition() + ", offset " + event.offset() + ")"
                + System.lineSeparator() + event.value();
    }
}
