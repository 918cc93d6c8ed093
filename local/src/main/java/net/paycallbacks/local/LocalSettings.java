package net.paycallbacks.local;

import net.paycallbacks.common.config.Env;

import java.nio.file.Path;
import java.util.List;

/** Settings of the local stack: fixed, friendly defaults, each overridable by environment. */
record LocalSettings(Path dataDir, int kafkaPort, int httpPort, String demoSecret, boolean keepData) {

    static final String KEEP_DATA = "--keep-data";

    static LocalSettings from(Env env, List<String> args) {
        for (String arg : args) {
            if (!arg.equals(KEEP_DATA)) {
                throw new IllegalArgumentException("unknown option " + arg + " (the only option is " + KEEP_DATA + ")");
            }
        }
        return new LocalSettings(
                Path.of(env.string("LOCAL_DATA_DIR", ".local/kafka")),
                env.integer("LOCAL_KAFKA_PORT", 9092, 1, 65535),
                env.integer("HTTP_PORT", 8080, 1, 65535),
                env.string("LOCAL_DEMO_SECRET", "local-demo-secret"),
                args.contains(KEEP_DATA));
    }
}
