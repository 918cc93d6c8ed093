package net.paycallbacks.processor;

import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.ServiceMain;

/** {@code java -jar ixopay-processor.jar}: configured by environment variables only. */
public final class ProcessorMain {

    private ProcessorMain() {
    }

    public static void main(String[] args) {
        ProcessorConfig config = ServiceMain.loadConfig("processor", () -> ProcessorConfig.from(Env.system()), ProcessorConfig::describe);
        ProcessorApp app;
        try {
            // A fatal processing error stops Streams; exit so the orchestrator restarts us and it is visible.
            app = ProcessorApp.start(config, () -> new Thread(() -> System.exit(1), "processor-exit").start());
        } catch (RuntimeException startFailed) {
            System.exit(1);
            return;
        }
        ServiceMain.stopOnShutdown("processor", app::stop);
    }
}
