package net.paycallbacks.deploycheck;

import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.notifier.NotifierConfig;
import net.paycallbacks.notifier.retry.RetryPolicy;
import net.paycallbacks.notifier.smtp.SmtpSettings;
import net.paycallbacks.processor.ProcessorConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The three services as the checks see them: their names, their real config loaders, what they read. */
enum Services {

    INGRESS("ingress", false, env -> IngressConfig.from(env).shutdownGrace(), IngressConfig.class, Env.class),
    PROCESSOR("processor", true, env -> ProcessorConfig.from(env).shutdownGrace(), ProcessorConfig.class, Env.class),
    NOTIFIER("notifier", true, env -> NotifierConfig.from(env).shutdownGrace(),
            NotifierConfig.class, SmtpSettings.class, RetryPolicy.class, Env.class);

    /** Read outside the config classes: LOG_LEVEL by each service's logback.xml, JAVA_OPTS by the image's entrypoint. */
    static final Set<String> READ_BY_LOGGING_AND_IMAGE = Set.of("LOG_LEVEL", "JAVA_OPTS");

    /** Realistic stand-ins for what only a cluster has: Secret values and downward-API fields. */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "IXOPAY_SHARED_SECRETS", "shop-eu:4f1c2b7e9a0d3e5f,shop-eu:7d8e9f0a1b2c3d4e,shop-us:0a1b2c3d4e5f6a7b",
            "SMTP_USERNAME", "mailer@shop.example",
            "SMTP_PASSWORD", "placeholder-password",
            "status.podIP", "10.42.3.17");

    final String service;
    final boolean kafkaStreams;
    private final Function<Env, Duration> loader;
    private final Class<?>[] configClasses;

    Services(String service, boolean kafkaStreams, Function<Env, Duration> loader, Class<?>... configClasses) {
        this.service = service;
        this.kafkaStreams = kafkaStreams;
        this.loader = loader;
        this.configClasses = configClasses;
    }

    String deployment() {
        return "ixopay-" + service;
    }

    String jar() {
        return "ixopay-" + service + ".jar";
    }

    /** The RocksDB budget its real config loader reads from {@code environment}, in MiB; 0 for a service without stores. */
    long rocksDbMemoryMib(Map<String, String> environment) {
        Env env = new Env(environment);
        return switch (this) {
            case INGRESS -> 0;
            case PROCESSOR -> ProcessorConfig.from(env).rocksDbMemoryMib();
            case NOTIFIER -> NotifierConfig.from(env).rocksDbMemoryMib();
        };
    }

    /** Loads the service's configuration with its real loader (which throws naming a bad or missing variable); its SHUTDOWN_GRACE. */
    Duration load(Map<String, String> environment) {
        return loader.apply(new Env(environment));
    }

    Set<String> declaredVariables() {
        Set<String> names = new HashSet<>(ServiceVariables.declaredBy(configClasses));
        names.addAll(READ_BY_LOGGING_AND_IMAGE);
        return names;
    }

    /** The variables of {@code environment} this service does not read: neither declared nor a Kafka client setting it uses. */
    List<String> unreadVariables(Map<String, String> environment) {
        Set<String> declared = declaredVariables();
        return environment.keySet().stream()
                .filter(name -> !declared.contains(name))
                .filter(name -> !(ServiceVariables.isKafkaPassThrough(name) && kafkaClientsKnow(kafkaProperty(name))))
                .sorted()
                .toList();
    }

    /** A producer (ingress) or Kafka Streams with its clients: a KAFKA_ variable must name one of their settings. */
    boolean kafkaClientsKnow(String property) {
        Set<String> known = new HashSet<>(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        if (kafkaStreams) {
            known.addAll(StreamsConfig.configDef().names());
            known.addAll(ConsumerConfig.configNames());
            for (String prefix : List.of(StreamsConfig.TOPIC_PREFIX, StreamsConfig.CONSUMER_PREFIX,
                    StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX,
                    StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX)) {
                if (property.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return known.contains(property);
    }

    static String kafkaProperty(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The service's logback.xml reads LOG_LEVEL (checked, since it is not a Java constant). */
    boolean logbackReadsLogLevel(Path root) throws java.io.IOException {
        return Files.readString(root.resolve(service).resolve("src/main/resources/logback.xml")).contains("${LOG_LEVEL");
    }
}
