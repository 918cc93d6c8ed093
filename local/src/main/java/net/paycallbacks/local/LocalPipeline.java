package net.paycallbacks.local;

import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.IngressApp;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.processor.ProcessorApp;
import net.paycallbacks.processor.ProcessorConfig;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;
import net.paycallbacks.notifier.NotifierApp;
import net.paycallbacks.notifier.NotifierConfig;
import net.paycallbacks.notifier.smtp.SmtpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole pipeline on one machine: a real Kafka broker in this JVM, its topics, and the services.
 * Ctrl-C stops everything. {@code --keep-data} keeps the broker's data from the previous run.
 */
public final class LocalPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
    static final String DEMO_CONNECTOR = "demo";

    private LocalPipeline() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSettings settings;
        try {
            settings = LocalSettings.from(Env.system(), List.of(args));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("local-pipeline: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!settings.keepData()) {
            EmbeddedKafkaBroker.deleteData(settings.kafkaDir());
            EmbeddedKafkaBroker.deleteData(settings.processorStateDir());
            EmbeddedKafkaBroker.deleteData(settings.notifierStateDir());
            EmbeddedKafkaBroker.deleteData(settings.mailDir());
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(), false)
                .createTopics(TopicLayout.all());
        IngressApp ingress = IngressApp.start(IngressConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                IngressConfig.HTTP_PORT, Integer.toString(settings.httpPort()),
                IngressConfig.IXOPAY_SHARED_SECRETS, DEMO_CONNECTOR + ":" + settings.demoSecret()))),
                Clock.systemUTC());
        ProcessorApp processor = ProcessorApp.start(ProcessorConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                ProcessorConfig.HTTP_PORT, Integer.toString(settings.processorPort()),
                "KAFKA_STATE_DIR", settings.processorStateDir().toString()))),
                () -> LOG.error("The processor stopped after an error; see above. Ctrl-C and start again to resume."));
        LocalMailbox mailbox = LocalMailbox.start(settings.smtpPort(), settings.mailDir());
        NotifierApp notifier = NotifierApp.start(NotifierConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                NotifierConfig.HTTP_PORT, Integer.toString(settings.notifierPort()),
                "KAFKA_STATE_DIR", settings.notifierStateDir().toString(),
                SmtpSettings.SMTP_HOST, "127.0.0.1",
                SmtpSettings.SMTP_PORT, Integer.toString(mailbox.port()),
                // Plain SMTP to a server on this machine only.
                SmtpSettings.SMTP_STARTTLS, "disabled",
                SmtpSettings.MAIL_FROM, "Demo Shop <orders@shop.example>"))),
                () -> LOG.error("The notifier stopped after an error; see above. Ctrl-C and start again to resume."));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the local pipeline");
            ingress.stop();
            processor.stop();
            notifier.stop();
            mailbox.close();
            broker.close();
            stopped.countDown();
        }, "local-pipeline-shutdown"));
        awaitRunning("processor", processor::isReady);
        awaitRunning("notifier", notifier::isReady);
        System.out.println(banner(settings, broker, ingress, processor, notifier, mailbox));
        stopped.await();
    }

    /** The banner should mean "ready": Kafka Streams services get their partitions a few seconds after starting. */
    private static void awaitRunning(String service, BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!ready.getAsBoolean()) {
            LOG.warn("The {} is not RUNNING after 60 s; nothing is lost, it catches up once it is", service);
        }
    }

    static String banner(LocalSettings settings, EmbeddedKafkaBroker broker, IngressApp ingress, ProcessorApp processor,
                         NotifierApp notifier, LocalMailbox mailbox) {
        String base = "http://127.0.0.1:" + ingress.port();
        String processorBase = "http://127.0.0.1:" + processor.port();
        String notifierBase = "http://127.0.0.1:" + notifier.port();
        return String.join(System.lineSeparator(),
                "",
                "  IXOPAY callback pipeline is running locally. Ctrl-C stops everything.",
                "",
                "  Callback URL      " + base + "/callbacks/" + DEMO_CONNECTOR,
                "  Shared secret     " + settings.demoSecret() + "   (connector '" + DEMO_CONNECTOR + "', local demo only)",
                "  Kafka             " + broker.bootstrapServers() + "   (topics " + Topics.IXOPAY_CALLBACKS.name()
                        + ", " + Topics.TRANSACTION_EVENTS.name() + ", the DLQs)",
                "  Ingress health    " + base + "/health/ready   " + base + "/metrics",
                "  Transactions      " + processorBase + "/transactions/{uuid}   (processor query API)",
                "  Processor health  " + processorBase + "/health/ready   " + processorBase + "/metrics",
                "  Emails            " + mailbox.folder().toAbsolutePath() + "/*.eml   (SMTP server on 127.0.0.1:"
                        + mailbox.port() + "; each email is also announced here)",
                "  Notifier health   " + notifierBase + "/health/ready   " + notifierBase + "/metrics",
                "  Local data        " + settings.dataDir().toAbsolutePath()
                        + (settings.keepData() ? "   (kept from earlier runs)" : "   (fresh; --keep-data keeps it)"),
                "",
                "  See it work:             bin/demo   (in a second terminal: a whole scenario, then its events, states and emails)",
                "  Send your own callback:  bin/send-callback --url " + base + "/callbacks/" + DEMO_CONNECTOR
                        + " --secret " + settings.demoSecret() + " docs/examples/debit-success.json",
                "  Watch the events:        bin/watch-events   (transaction-events, read_committed, from the start)",
                "");
    }
}
