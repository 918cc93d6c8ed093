package net.paycallbacks.common.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;
import java.util.function.Supplier;

/** What every service's {@code main} does around its own wiring: load config or exit, stop on SIGTERM. */
public final class ServiceMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMain.class);
    /** Exit status for a configuration error, so orchestrators can tell it from a crash. */
    static final int CONFIG_ERROR_EXIT = 2;

    private ServiceMain() {
    }

    /** Reads the configuration, logs its non-secret description once, or exits naming the bad variable. */
    public static <C> C loadConfig(String service, Supplier<C> loader, Function<C, String> describe) {
        try {
            C config = loader.get();
            LOG.info("Starting {} with {}", service, describe.apply(config));
            return config;
        } catch (ConfigException e) {
            LOG.error("Cannot start {}: invalid configuration: {}", service, e.getMessage());
            System.exit(CONFIG_ERROR_EXIT);
            throw e;
        }
    }

    /** Runs {@code stop} when the JVM is asked to stop (SIGTERM, Ctrl-C), before it exits. */
    public static void stopOnShutdown(String service, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.error("Error while stopping {}", service, e);
            }
        }, service + "-shutdown"));
    }
}
