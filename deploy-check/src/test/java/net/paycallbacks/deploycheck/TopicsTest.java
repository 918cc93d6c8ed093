package net.paycallbacks.deploycheck;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import net.paycallbacks.common.TopicLayout;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The topics declared for Kubernetes and created by the compose job are exactly TopicLayout's. */
class TopicsTest {

    private static final Pattern CREATE = Pattern.compile("^\\s*create (\\S+) (\\d+)((?: \\S+=\\S+)*)\\s*$", Pattern.MULTILINE);

    @Test
    void theKafkaTopicResourcesMatchTopicLayout() {
        List<KafkaTopic> topics = K8s.ofKind(K8s.typed("topics"), KafkaTopic.class);

        assertThat(topics).extracting(this::topicName)
                .containsExactlyInAnyOrderElementsOf(TopicLayout.all().stream().map(TopicLayout::name).toList());
        for (TopicLayout layout : TopicLayout.all()) {
            KafkaTopic topic = topics.stream().filter(t -> topicName(t).equals(layout.name())).findFirst().orElseThrow();
            assertThat(topic.getSpec().getPartitions()).as(layout.name()).isEqualTo(layout.partitions());
            assertThat(topic.getSpec().getReplicas()).as(layout.name()).isEqualTo(3);
            Map<String, String> config = new TreeMap<>();
            topic.getSpec().getConfig().forEach((key, value) -> config.put(key, String.valueOf(value)));
            Map<String, String> expected = new TreeMap<>(layout.configs());
            expected.put("min.insync.replicas", "2");
            assertThat(config).as(layout.name()).isEqualTo(expected);
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
        }
    }

    @Test
    void theComposeJobCreatesEveryTopicOfTopicLayoutWithItsSettings() {
        String script = Compose.service("kafka-topics").path("command").get(0).asText();
        Map<String, TopicLayout> created = new LinkedHashMap<>();
        Matcher matcher = CREATE.matcher(script);
        while (matcher.find()) {
            Map<String, String> configs = new TreeMap<>();
            for (String setting : matcher.group(3).trim().split(" ")) {
                if (!setting.isEmpty()) {
                    configs.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
            }
            created.put(matcher.group(1), new TopicLayout(TopicLayout.all().getFirst().topic(), Integer.parseInt(matcher.group(2)), configs));
        }

        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(TopicLayout.all().stream().map(TopicLayout::name).toList());
        for (TopicLayout layout : TopicLayout.all()) {
            assertThat(created.get(layout.name()).partitions()).as(layout.name()).isEqualTo(layout.partitions());
            assertThat(created.get(layout.name()).configs()).as(layout.name()).isEqualTo(layout.configs());
        }
        assertThat(script).contains("--replication-factor 1").contains("--config \"$$setting\"")
                .contains("--bootstrap-server kafka:9092").contains("set -euo pipefail");
    }

    private String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }
}
