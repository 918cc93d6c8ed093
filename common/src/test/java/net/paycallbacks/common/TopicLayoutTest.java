package net.paycallbacks.common;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicLayoutTest {

    @Test
    void ofFindsEachTopicsOwnLayout() {
        assertThat(TopicLayout.of(Topics.IXOPAY_CALLBACKS).partitions()).isEqualTo(6);
        assertThat(TopicLayout.of(Topics.IXOPAY_CALLBACKS_DLQ).partitions()).isEqualTo(1);
        assertThat(TopicLayout.of(Topics.NOTIFIER_CONTACTS).configs()).containsEntry("cleanup.policy", "compact,delete");
    }

    @Test
    void aTopicOutsideTheProductHasNoLayout() {
        Topic<String, String> stranger = new Topic<>("someone-elses-topic", Serdes.String(), Serdes.String());

        assertThatThrownBy(() -> TopicLayout.of(stranger)).hasMessageContaining("someone-elses-topic");
    }
}
