package net.paycallbacks.notifier;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.ServiceMain;
import net.paycallbacks.notifier.redrive.Redrive;

import java.time.Instant;
import java.util.List;

/**
 * {@code java -jar ixopay-notifier.jar} runs the service, configured by environment variables only;
 * {@code java -jar ixopay-notifier.jar redrive [--dry-run]} sends the dead-lettered emails again.
 */
public final class NotifierMain {

    private NotifierMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.getFirst().equals("redrive")) {
            redrive(arguments.subList(1, arguments.size()));
            return;
        }
        if (!arguments.isEmpty()) {
            System.err.println("usage: ixopay-notifier.jar            run the notifier\n"
                    + "       ixopay-notifier.jar redrive [--dry-run]   send notifications-dlq again");
            System.exit(2);
        }
        NotifierConfig config = ServiceMain.loadConfig("notifier", () -> NotifierConfig.from(Env.system()), NotifierConfig::describe);
        NotifierApp app;
        try {
            // A fatal processing error stops Streams; exit so the orchestrator restarts us and it is visible.
            app = NotifierApp.start(config, () -> new Thread(() -> System.exit(1), "notifier-exit").start());
        } catch (RuntimeException startFailed) {
            System.exit(1);
            return;
        }
        ServiceMain.stopOnShutdown("notifier", app::stop);
    }

    private static void redrive(List<String> options) {
        boolean dryRun = options.contains("--dry-run");
        if (options.size() > (dryRun ? 1 : 0)) {
            System.err.println("usage: ixopay-notifier.jar redrive [--dry-run]");
            System.exit(2);
        }
        try {
            System.out.println(Redrive.run(Env.system().kafkaProperties(), dryRun, Instant.now()).describe());
        } catch (ConfigException e) {
            System.err.println("Cannot redrive: " + e.getMessage());
            System.exit(2);
        }
    }
}
