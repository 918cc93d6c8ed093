package net.paycallbacks.ingress;

import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.ServiceMain;

import java.time.Clock;

/** {@code java -jar ixopay-ingress.jar}: configured by environment variables only. */
public final class IngressMain {

    private IngressMain() {
    }

    public static void main(String[] args) {
        IngressConfig config = ServiceMain.loadConfig("ingress", () -> IngressConfig.from(Env.system()), IngressConfig::describe);
        IngressApp app;
        try {
            app = IngressApp.start(config, Clock.systemUTC());
        } catch (RuntimeException startFailed) {
            // Already logged and cleaned up; exit so the orchestrator restarts us rather than leave a zombie.
            System.exit(1);
            return;
        }
        ServiceMain.stopOnShutdown("ingress", app::stop);
    }
}
