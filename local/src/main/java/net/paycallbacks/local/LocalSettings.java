package net.paycallbacks.local;

import net.paycallbacks.common.config.Env;

import java.nio.file.Path;
import java.util.List;

/** Settings of the local stack: fixed, friendly defaults, each overridable by environment. */
record LocalSettings(Path dataDir, int kafkaPort, int httpPort, int processorPort, int notifierPort, int smtpPort,
                     String demoSecret, boolean keepData) {

    static final String KEEP_DATA = "--keep-data";

    static LocalSettings from(Env env, List<String> args) {
        for (String arg : args) {
            if (!arg.equals(KEEP_DATA)) {
                throw new IllegalArgumentException("unknown option " + arg + " (the only option is " + KEEP_DATA + ")");
            }
        }
        return new LocalSettings(
                Path.of(env.string("LOCAL_DATA_DIR", ".local")),
                env.integer("LOCAL_KAFKA_PORT", 9092, 1, 65535),
                env.integer("HTTP_PORT", 8080, 1, 65535),
                env.integer("LOCAL_PROCESSOR_PORT", 8081, 1, 65535),
                env.integer("LOCAL_NOTIFIER_PORT", 8082, 1, 65535),
                env.integer("LOCAL_SMTP_PORT", 2525, 1, 65535),
                env.string("LOCAL_DEMO_SECRET", "local-demo-secret"),
                args.contains(KEEP_DATA));
    }

    /** The broker's log and metadata directories. */
    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** The processor's Kafka Streams state: it must be fresh whenever the broker's data is. */
    Path processorStateDir() {
        return dataDir.resolve("processor-state");
    }

    /** The notifier's Kafka Streams state, fresh whenever the broker's data is. */
    Path notifierStateDir() {
        return dataDir.resolve("notifier-state");
    }

    /** Where the local mail server saves each email it receives, as an .eml file. */
    Path mailDir() {
        return dataDir.resolve("mail");
    }
}
