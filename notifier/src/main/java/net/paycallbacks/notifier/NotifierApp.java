package net.paycallbacks.notifier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import net.paycallbacks.http.HealthRoutes;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.email.EmailTemplates;
import net.paycallbacks.notifier.smtp.SmtpSender;
import net.paycallbacks.notifier.stream.NotifierTopology;
import net.paycallbacks.streams.GuardedStreams;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The notifier wired together: Kafka Streams sending emails, health and metrics over HTTP. */
public final class NotifierApp {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierApp.class);

    private final Vertx vertx = Vertx.vertx();
    private final NotifierMetrics metrics = new NotifierMetrics();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Duration shutdownGrace;
    private final Runnable onFatalError;
    private HttpServer server;
    private GuardedStreams streams;
    private SmtpSender smtp;

    private NotifierApp(NotifierConfig config, Runnable onFatalError) {
        this.shutdownGrace = config.shutdownGrace();
        this.onFatalError = onFatalError;
    }

    /**
     * Starts listening and starts Kafka Streams, without waiting for it to be RUNNING (readiness
     * says when). {@code onFatalError} runs if Streams stops by itself after an error.
     */
    public static NotifierApp start(NotifierConfig config, Runnable onFatalError) {
        NotifierApp app = new NotifierApp(config, onFatalError);
        try {
            app.startHttpAndStreams(config);
        } catch (RuntimeException startFailed) {
            LOG.error("Notifier could not start: {}", startFailed.toString());
            app.stop();
            throw startFailed;
        }
        return app;
    }

    private void startHttpAndStreams(NotifierConfig config) {
        smtp = new SmtpSender(config.smtp());
        Mailer mailer = new Mailer(new EmailTemplates(config.templateDir(), config.locale()), smtp, config.smtp().messageIdDomain());
        streams = new GuardedStreams(NotifierTopology.build(config.kinds(), mailer, config.retry(), metrics),
                streamsProperties(config), config.rocksDbMemoryMib(), onFatalError);
        metrics.bindStreams(streams.streams());
        Router router = Router.router(vertx);
        new HealthRoutes(this::isReady, "not ready: Kafka Streams is not RUNNING", metrics::scrape).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(config.httpPort()).await();
        streams.start();
        LOG.info("Notifier listening on port {}", server.actualPort());
    }

    static Properties streamsProperties(NotifierConfig config) {
        // A Kafka transaction stays open while emails are sent: it must outlive one slow SMTP exchange.
        Duration oneSlowSend = config.smtp().connectTimeout().plus(config.smtp().readTimeout().multipliedBy(2));
        long transactionTimeout = Math.max(Duration.ofMinutes(1).toMillis(), oneSlowSend.multipliedBy(2).toMillis());
        // The delivery record and the consumed offset commit together (exactly_once_v2, enforced by GuardedStreams).
        return GuardedStreams.properties(
                Map.of(StreamsConfig.APPLICATION_ID_CONFIG, NotifierConfig.DEFAULT_APPLICATION_ID,
                        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), Long.toString(transactionTimeout)),
                config.kafka(),
                Map.of());
    }

    public int port() {
        return server.actualPort();
    }

    public boolean isReady() {
        return !stopping.get() && streams != null && streams.isRunning();
    }

    public KafkaStreams streams() {
        return streams.streams();
    }

    public NotifierMetrics metrics() {
        return metrics;
    }

    /**
     * Graceful stop, blocking: not ready, Streams finishes the email in hand, commits and leaves the
     * consumer group (a restart gets its partitions at once), then HTTP closes.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Notifier stopping");
        if (streams != null) {
            streams.close(shutdownGrace);
        }
        if (smtp != null) {
            smtp.close();
        }
        metrics.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Stopping Vert.x did not finish cleanly: {}", e.toString());
        }
        LOG.info("Notifier stopped");
    }
}
