package net.paycallbacks.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The intended settings of each topic, used wherever topics are created by code (the local stack,
 * tests). Production clusters declare the same settings as Kubernetes resources.
 */
public record TopicLayout(Topic<?, ?> topic, int partitions, Map<String, String> configs) {

    /** IXOPAY retries for about eight days; keeping two weeks lets operations replay after an outage. */
    static final Duration CALLBACK_RETENTION = Duration.ofDays(14);
    /** Subscribers that were down for a while, or replay, find two weeks of events. */
    static final Duration EVENT_RETENTION = Duration.ofDays(14);
    /** Dead letters wait for a person; a month leaves time to notice and redrive them. */
    static final Duration DLQ_RETENTION = Duration.ofDays(30);
    /** Refunds come up to about a year after the payment; the customer's address is not kept much longer. */
    static final Duration CONTACT_RETENTION = Duration.ofDays(400);

    public TopicLayout {
        configs = Map.copyOf(configs);
    }

    public static List<TopicLayout> all() {
        return List.of(
                retained(Topics.IXOPAY_CALLBACKS, 6, CALLBACK_RETENTION),
                // Same partition count as the callbacks: one transaction's events stay in one ordered partition.
                retained(Topics.TRANSACTION_EVENTS, 6, EVENT_RETENTION),
                retained(Topics.IXOPAY_CALLBACKS_DLQ, 1, DLQ_RETENTION),
                retained(Topics.NOTIFICATIONS_DLQ, 1, DLQ_RETENTION),
                // Co-partitioned with the events: a redriven email is handled by the task that holds its delivery record.
                retained(Topics.NOTIFICATIONS_REDRIVE, 6, DLQ_RETENTION),
                new TopicLayout(Topics.NOTIFIER_CONTACTS, 3, Map.of(
                        "retention.ms", Long.toString(CONTACT_RETENTION.toMillis()),
                        "cleanup.policy", "compact,delete")));
    }

    /** The layout of one of the product's topics. */
    public static TopicLayout of(Topic<?, ?> topic) {
        return all().stream().filter(layout -> layout.topic() == topic).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layout for topic " + topic.name()));
    }

    private static TopicLayout retained(Topic<?, ?> topic, int partitions, Duration retention) {
        return new TopicLayout(topic, partitions, Map.of(
                "retention.ms", Long.toString(retention.toMillis()),
                "cleanup.policy", "delete"));
    }

    public String name() {
        return topic.name();
    }
}
