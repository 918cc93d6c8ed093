package net.paycallbacks.notifier.redrive;

import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.KafkaClientConfig;
import net.paycallbacks.notifier.stream.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Sends dead-lettered emails again: copies every {@code notifications-dlq} record that no earlier
 * redrive took to {@code notifications-redrive}, marked so that the notifier tries it once more.
 * The copies and this command's position in the DLQ commit in one Kafka transaction, so running
 * it twice, or after a crash, moves nothing twice; the notifier's delivery store would not send a
 * second email anyway.
 */
public final class Redrive {

    /** The consumer group whose committed offset marks how far the DLQ has been redriven. */
    public static final String GROUP = "ixopay-notifier-redrive";
    private static final Duration POLL = Duration.ofMillis(500);

    private Redrive() {
    }

    public static RedriveReport run(Properties kafka, boolean dryRun, Instant now) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS_DLQ.name(), Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            // What is in the DLQ now; dead letters written while this runs wait for the next redrive.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            if (dryRun) {
                return readUpTo(consumer, end, record -> { }).report(true);
            }
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                // Keyed by the transaction uuid, as in transaction-events, so it reaches the task that holds its delivery record.
                Counted counted = readUpTo(consumer, end, record -> producer.send(new ProducerRecord<>(
                        Topics.NOTIFICATIONS_REDRIVE.name(), null, record.key(), record.value(), redriveHeaders(record.headers(), now))));
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                partitions.forEach(partition -> positions.put(partition, new OffsetAndMetadata(consumer.position(partition))));
                producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
                producer.commitTransaction();
                return counted.report(false);
            }
        }
    }

    private static Counted readUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end,
                                    Consumer<ConsumerRecord<String, byte[]>> each) {
        Counted counted = new Counted();
        while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                String reason = reason(record.headers());
                if (isEmail(record, reason)) {
                    each.accept(record);
                    counted.add(reason);
                } else {
                    counted.leftAlone++;
                }
            }
        }
        return counted;
    }

    /** A value that never was an event cannot become an email by trying again; it stays for a person to look at. */
    private static boolean isEmail(ConsumerRecord<String, byte[]> record, String reason) {
        return record.key() != null && !reason.equals(DeadLetters.UNREADABLE_EVENT);
    }

    private static Headers redriveHeaders(Headers deadLetter, Instant now) {
        Headers headers = new RecordHeaders(deadLetter.toArray());
        DeadLetters.markRedrive(headers, now);
        return headers;
    }

    private static String reason(Headers headers) {
        var reason = headers.lastHeader(DeadLetterHeaders.REASON);
        return reason == null ? "unknown" : new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer(Properties kafka) {
        Properties properties = KafkaClientConfig.layered(Map.of(), kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Properties kafka) {
        Properties properties = KafkaClientConfig.layered(Map.of(), kafka, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Records read, by dead-letter reason. */
    static final class Counted {
        private final Map<String, Integer> byReason = new HashMap<>();
        private int records;
        private int leftAlone;

        void add(String reason) {
            records++;
            byReason.merge(reason, 1, Integer::sum);
        }

        RedriveReport report(boolean dryRun) {
            return new RedriveReport(dryRun, records, byReason, leftAlone);
        }
    }
}
