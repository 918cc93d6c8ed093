package net.paycallbacks.local;

import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.TopicProvisioner;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.util.Map;

/** The embedded broker of the local stack, with every product topic created. */
final class LocalKafka {

    private LocalKafka() {
    }

    static EmbeddedKafkaBroker start(Path dataDir, int port) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port, false);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            // One broker, so one replica; production clusters use three (see k8s/).
            new TopicProvisioner(admin, (short) 1).ensure(TopicLayout.all());
        }
        return broker;
    }
}
