package net.paycallbacks.local.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * For benchmarks: the ceiling the ingress is compared with. The same Vert.x set-up as the ingress
 * (one server per core, body read through BodyHandler), answering 200 OK with no signature check
 * and no Kafka. Arg: PORT.
 */
public final class CeilingServer extends VerticleBase {

    private final int port;

    private CeilingServer(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> new CeilingServer(port), new DeploymentOptions().setInstances(instances)).await();
        System.out.println("ceiling server ready on port " + port);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.post("/callbacks/:connector")
                .handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
                .handler(ctx -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("OK"));
        return vertx.createHttpServer().requestHandler(router).listen(port);
    }
}
