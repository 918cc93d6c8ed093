package net.paycallbacks.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.TopicLayout;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.ingress.IngressApp;
import net.paycallbacks.ingress.IngressConfig;
import net.paycallbacks.kafka.EmbeddedKafkaBroker;
import net.paycallbacks.kafka.FreePorts;
import net.paycallbacks.kafka.TopicProbe;
import net.paycallbacks.notifier.redrive.Redrive;
import net.paycallbacks.notifier.redrive.RedriveReport;
import net.paycallbacks.notifier.stream.DeadLetters;
import net.paycallbacks.processor.ProcessorApp;
import net.paycallbacks.processor.ProcessorConfig;
import net.paycallbacks.processor.support.SignedSender;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import static net.paycallbacks.processor.support.CallbackJson.callback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product on real parts: signed HTTP callbacks into the ingress, a real (in-process
 * KRaft) broker, the processor, the notifier, and a real SMTP server (GreenMail) that the tests
 * stop and start. Each test writes to its own customer address and counts only that inbox.
 */
class NotifierIntegrationTest {

    private static final String CONNECTOR = "shop-eu";
    private static final String SECRET = "integration-secret";
    private static final String APPLICATION_ID = "it-notifier";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SMTP_PORT = FreePorts.any();

    private static Path workDir;
    private static EmbeddedKafkaBroker broker;
    private static IngressApp ingress;
    private static ProcessorApp processor;
    private static NotifierApp notifier;
    private static GreenMail smtp;
    private static SignedSender sender;
    private static int notifierRuns;

    @BeforeAll
    static void startThePipeline() throws Exception {
        workDir = Files.createTempDirectory("notifier-it");
        broker = EmbeddedKafkaBroker.startScratch().createTopics(TopicLayout.all());
        ingress = IngressApp.start(IngressConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", "0",
                "IXOPAY_SHARED_SECRETS", CONNECTOR + ":" + SECRET))), Clock.systemUTC());
        sender = new SignedSender(ingress.port(), CONNECTOR, SECRET);
        processor = ProcessorApp.start(ProcessorConfig.from(new Env(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", "0",
                "HTTP_ADVERTISED_HOST", "127.0.0.1",
                "KAFKA_APPLICATION_ID", "it-notifier-processor",
                "KAFKA_STATE_DIR", workDir.resolve("processor").toString()))), () -> { });
        startSmtp();
        startNotifier();
    }

    @AfterAll
    static void stopThePipeline() {
        for (Runnable stop : new Runnable[] {
                () -> notifier.stop(), () -> processor.stop(), () -> ingress.stop(), () -> smtp.stop(), () -> broker.close()}) {
            try {
                stop.run();
            } catch (RuntimeException | Error alreadyStoppedOrNeverStarted) {
                // Stop the rest anyway.
            }
        }
        EmbeddedKafkaBroker.deleteData(workDir);
    }

    @Test
    void aDuplicateCallbackSendsOneEmailAndARefundReachesTheParentsCustomer() throws Exception {
        String customer = "zoe.unal+duplicate@example.com";
        String debit = uuid("dup-debit");
        String refund = uuid("dup-refund");
        send(callback(debit, "PENDING").customer(customer, "Zoë", "Ünal").with("merchantTransactionId", "dup-1").bytes());
        send(callback(debit, "OK").with("merchantTransactionId", "dup-1").bytes());
        send(callback(debit, "OK").with("merchantTransactionId", "dup-1").bytes());
        // A refund carries no customer: it is addressed to the customer of the payment it refunds.
        send(callback(refund, "OK").type("REFUND").with("referenceUuid", debit).with("merchantTransactionId", "dup-1-refund")
                .amount("10.00").bytes());

        List<MimeMessage> received = settledInbox(customer, 2);

        assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Payment received: order dup-1, €49.90", "Refund: €10.00 for order dup-1-refund");
        InternetAddress to = (InternetAddress) received.getFirst().getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Zoë Ünal");
        assertThat(notifier.metrics().count(NotifierMetrics.SENT, "kind", "refund")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRefundOfACaptureReachesTheCustomerOfTheAuthorization() throws Exception {
        String customer = "authorize-capture-refund@example.com";
        String authorization = uuid("acr-preauth");
        String capture = uuid("acr-capture");
        String refund = uuid("acr-refund");
        send(callback(authorization, "OK").type("PREAUTHORIZE").customer(customer, "Ada", "Capture")
                .with("merchantTransactionId", "acr-1").bytes());
        send(callback(capture, "OK").type("CAPTURE").with("referenceUuid", authorization).with("merchantTransactionId", "acr-1").bytes());
        send(callback(refund, "OK").type("REFUND").with("referenceUuid", capture).with("merchantTransactionId", "acr-1")
                .amount("5.00").bytes());

        assertThat(settledInbox(customer, 2)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Payment authorized: order acr-1, €49.90", "Refund: €5.00 for order acr-1");
    }

    @Test
    void aRestartWithAFreshStateDirectoryAndAReplayFromTheStartSendNothingAgain() throws Exception {
        String customer = "replay@example.com";
        String debit = uuid("replay-debit");
        send(callback(debit, "OK").customer(customer, "Ray", "Play").bytes());
        settledInbox(customer, 1);
        awaitCaughtUp();

        notifier.stop();
        // Only possible in an empty group: the stopped notifier must have left it.
        rewindToEarliest();
        // A new state directory: what was sent must come back from the changelog, not from local disk.
        startNotifier();
        awaitCaughtUp();

        assertThat(settledInbox(customer, 1)).as("still the one email").hasSize(1);
        assertThat(notifier.metrics().count(NotifierMetrics.SKIPPED, "reason", "already-sent"))
                .as("the replayed events were seen and recognised").isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmailSentWhileTheMailServerIsDownArrivesOnceItIsBack() throws Exception {
        String customer = "outage@example.com";
        double failuresBefore = notifier.metrics().count(NotifierMetrics.FAILED_ATTEMPTS, "reason", "smtp-unreachable");
        smtp.stop();
        try {
            send(callback(uuid("outage-debit"), "OK").customer(customer, "Otto", "Age").bytes());
            await().atMost(PATIENCE).until(() ->
                    notifier.metrics().count(NotifierMetrics.FAILED_ATTEMPTS, "reason", "smtp-unreachable") > failuresBefore);
        } finally {
            startSmtp();
        }

        assertThat(settledInbox(customer, 1)).hasSize(1);
    }

    @Test
    void whenRetriesRunOutTheEventIsDeadLetteredAndARedriveDeliversItOnce() throws Exception {
        String customer = "redrive@example.com";
        String debit = uuid("redrive-debit");
        try (TopicProbe deadLetters = new TopicProbe(broker.bootstrapServers(), Topics.NOTIFICATIONS_DLQ.name()).markEnd()) {
            smtp.stop();
            try {
                send(callback(debit, "OK").customer(customer, "Red", "Rive").bytes());
                List<ConsumerRecord<byte[], byte[]>> dead = deadLetters.readUntilKey(debit, PATIENCE);
                ConsumerRecord<byte[], byte[]> deadLetter = dead.getLast();
                assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("retries-exhausted");
                assertThat(header(deadLetter, DeadLetters.ATTEMPTS)).isEqualTo("4");
                assertThat(header(deadLetter, DeadLetters.EMAIL_KIND)).isEqualTo("payment");
            } finally {
                startSmtp();
            }
            awaitCaughtUp();
            assertThat(inbox(customer)).as("nothing is sent once given up, until a redrive").isEmpty();

            RedriveReport first = Redrive.run(kafka(), false, Instant.now());
            assertThat(first.records()).isGreaterThanOrEqualTo(1);
            assertThat(settledInbox(customer, 1)).hasSize(1);

            RedriveReport second = Redrive.run(kafka(), false, Instant.now());
            assertThat(second.records()).as("a second redrive finds nothing new").isZero();
            awaitCaughtUp();
            assertThat(inbox(customer)).hasSize(1);
        }
    }

    private static void startNotifier() {
        notifierRuns++;
        Map<String, String> environment = new HashMap<>(Map.of(
                Env.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                "HTTP_PORT", "0",
                "KAFKA_APPLICATION_ID", APPLICATION_ID,
                "KAFKA_STATE_DIR", workDir.resolve("notifier-" + notifierRuns).toString(),
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP_PORT),
                "SMTP_STARTTLS", "disabled",
                "SMTP_CONNECT_TIMEOUT", "2000",
                "MAIL_FROM", "Shop <orders@shop.example>"));
        // Four attempts over about 3 s: an outage test can outlast them, and a short one cannot.
        environment.putAll(Map.of("SMTP_RETRY_FIRST_DELAY", "500", "SMTP_RETRY_MAX_DELAY", "1500", "SMTP_RETRY_MAX_ATTEMPTS", "4"));
        notifier = NotifierApp.start(NotifierConfig.from(new Env(environment)), () -> { });
        await().atMost(PATIENCE).until(notifier::isReady);
    }

    private static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static void send(byte[] callback) {
        assertThat(sender.send(callback)).as("the ingress's answer").isEqualTo(200);
    }

    /**
     * Waits for {@code expected} emails to {@code address}, then until the notifier has committed
     * everything it read: an email sent twice would have been sent by then.
     */
    private static List<MimeMessage> settledInbox(String address, int expected) {
        await().atMost(PATIENCE).until(() -> inbox(address).size() >= expected);
        awaitCaughtUp();
        return inbox(address);
    }

    private static List<MimeMessage> inbox(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the notifier's committed offsets reach the end of every partition it reads. */
    private static void awaitCaughtUp() {
        try (Admin admin = admin()) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get();
                return endOffsets(admin, committed.keySet().stream().toList()).entrySet().stream()
                        .allMatch(end -> committed.get(end.getKey()).offset() >= end.getValue())
                        && committed.keySet().stream().anyMatch(partition -> partition.topic().equals(Topics.TRANSACTION_EVENTS.name()));
            });
        }
    }

    private static void rewindToEarliest() throws Exception {
        try (Admin admin = admin()) {
            List<TopicPartition> events = admin.describeTopics(List.of(Topics.TRANSACTION_EVENTS.name())).allTopicNames().get()
                    .get(Topics.TRANSACTION_EVENTS.name()).partitions().stream()
                    .map(partition -> new TopicPartition(Topics.TRANSACTION_EVENTS.name(), partition.partition())).toList();
            admin.alterConsumerGroupOffsets(APPLICATION_ID, events.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> new OffsetAndMetadata(0)))).all().get();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Properties kafka() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", broker.bootstrapServers());
        return kafka;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** IXOPAY uuids are 20 hex-ish characters; these stay unique and readable. */
    private static String uuid(String label) {
        String padded = (label.replaceAll("[^a-z0-9]", "") + "00000000000000000000");
        return padded.substring(0, 20);
    }
}
