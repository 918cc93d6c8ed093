package net.paycallbacks.ingress.support;

import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.IngressApp;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;
import net.paycallbacks.kafka.FreePorts;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A real broker with the product's topics, and the ingress in front of it, for one test class. */
public final class RunningIngress implements AutoCloseable {

    public static final String CONNECTOR = "shop-eu";
    public static final String SECRET = "first-secret";
    public static final String ROTATED_SECRET = "second-secret";

    public final EmbeddedKafkaBroker broker;
    public final IngressApp app;

    private RunningIngress(EmbeddedKafkaBroker broker, IngressApp app) {
        this.broker = broker;
        this.app = app;
    }

    public static RunningIngress start(Map<String, String> extraEnvironment) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startScratch().createTopics(TopicLayout.all());
        Map<String, String> environment = new HashMap<>(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", Integer.toString(FreePorts.any()),
                "IXOPAY_SHARED_SECRETS", CONNECTOR + ":" + SECRET + "," + CONNECTOR + ":" + ROTATED_SECRET + ",other:other-secret"));
        environment.putAll(extraEnvironment);
        IngressApp app = IngressApp.start(IngressConfig.from(new Env(environment)), Clock.systemUTC());
        return new RunningIngress(broker, app);
    }

    /** A validly signed callback for a new transaction of the test connector. */
    public static SignedCallback callback() {
        return callback(newUuid());
    }

    public static SignedCallback callback(String uuid) {
        return SignedCallback.signed(CONNECTOR, SECRET, SignedCallback.body(uuid));
    }

    /** A transaction uuid shaped like IXOPAY's (20 hex characters). */
    public static String newUuid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public IngressClient client() {
        return new IngressClient(app.port());
    }

    @Override
    public void close() {
        app.stop();
        broker.close();
    }
}
