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

    public TopicLayout {
        configs = Map.copyOf(configs);
    }

    public static List<TopicLayout> all() {
        return List.of(new TopicLayout(Topics.IXOPAY_CALLBACKS, 6, Map.of(
                "retention.ms", Long.toString(CALLBACK_RETENTION.toMillis()),
                "cleanup.policy", "delete")));
    }

    public String name() {
        return topic.name();
    }
}
