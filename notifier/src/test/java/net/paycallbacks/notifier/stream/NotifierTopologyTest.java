package net.paycallbacks.notifier.stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.paycallbacks.common.DeadLetterHeaders;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.kafka.FreePorts;
import net.paycallbacks.notifier.NotifierMetrics;
import net.paycallbacks.notifier.delivery.Mailer;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.email.EmailTemplates;
import net.paycallbacks.notifier.email.MessageIds;
import net.paycallbacks.notifier.retry.RetryPolicy;
import net.paycallbacks.notifier.smtp.SmtpSender;
import net.paycallbacks.notifier.smtp.SmtpSettings;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static net.paycallbacks.notifier.stream.TestEvents.ZOE;
import static net.paycallbacks.notifier.stream.TestEvents.debit;
import static net.paycallbacks.notifier.stream.TestEvents.refund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifier's topology without a broker but with a real SMTP server (GreenMail): one email per
 * transaction and kind, follow-ups, retries on the wall clock, outages, dead letters and redrives.
 */
class NotifierTopologyTest {

    private static final int SMTP_PORT = FreePorts.any();
    private static final String DOMAIN = "shop.example";
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    // The driver's wall clock is mocked: these delays pass at once when the test advances it.
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(40), 3);
    private static final String PAYMENT = "debit000000000000001";
    private static final String OTHER_PAYMENT = "debit000000000000002";
    private static final String REFUND = "refund00000000000001";
    private static final String PREAUTH = "preauth0000000000001";
    private static final String CAPTURE = "capture0000000000001";
    private static final EventCustomer OLA = new EventCustomer("ola.nordmann@example.com", "Ola", "Nordmann");

    private static final String SENT = NotifierMetrics.SENT;
    private static final String SKIPPED = NotifierMetrics.SKIPPED;
    private static final String FAILED_ATTEMPTS = NotifierMetrics.FAILED_ATTEMPTS;
    private static final String DEAD_LETTERED = NotifierMetrics.DEAD_LETTERED;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @TempDir
    Path stateDir;

    private final NotifierMetrics metrics = new NotifierMetrics();
    private final List<GreenMail> laterMailServers = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> transactionEvents;
    private TestInputTopic<String, byte[]> redrives;
    private TestOutputTopic<String, byte[]> deadLetters;

    @AfterEach
    void stopEverything() {
        if (driver != null) {
            driver.close();
        }
        laterMailServers.forEach(GreenMail::stop);
        metrics.close();
    }

    // --- once per transaction and kind ---

    @Test
    void aSucceededPaymentIsEmailedToItsCustomerWithADeterministicMessageId() throws MessagingException {
        startNotifier();

        publish(debit(PAYMENT).succeeded());

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        MimeMessage email = SMTP.getReceivedMessages()[0];
        assertThat(recipient(email)).isEqualTo(ZOE.email());
        assertThat(email.getSubject()).contains(debit(PAYMENT).merchantTransactionId());
        assertThat(email.getMessageID()).isEqualTo(MessageIds.of(PAYMENT, EmailKind.PAYMENT_CONFIRMATION, DOMAIN));
        assertThat(metrics.count(SENT, "kind", "payment")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aDuplicateAndALaterReplayOfTheSameEventSendNoSecondEmail() {
        startNotifier();
        TransactionEvent paid = debit(PAYMENT).succeeded();
        publish(paid);

        publish(paid);
        advance(Duration.ofHours(3));
        publish(paid);

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(metrics.count(SKIPPED, "reason", "already-sent")).isEqualTo(2);
        assertThat(metrics.count(SENT, "kind", "payment")).isEqualTo(1);
    }

    // --- follow-ups ---

    @Test
    void aRefundWithoutCustomerDataIsEmailedToTheCustomerOfThePaymentItRefunds() throws MessagingException {
        startNotifier();
        publish(debit(PAYMENT).succeeded());

        publish(refund(REFUND, PAYMENT).succeeded());

        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        MimeMessage refundEmail = emailWithMessageId(SMTP.getReceivedMessages(), REFUND, EmailKind.REFUND_CONFIRMATION);
        assertThat(recipient(refundEmail)).isEqualTo(ZOE.email());
        assertThat(refundEmail.getSubject()).contains(refund(REFUND, PAYMENT).merchantTransactionId());
    }

    @Test
    void aRefundArrivingBeforeItsPaymentWaitsForThePaymentAndIsThenSentOnce() throws MessagingException {
        startNotifier();
        publish(refund(REFUND, PAYMENT).succeeded());
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        publish(debit(PAYMENT).succeeded());
        assertThat(messageIds(SMTP.getReceivedMessages()))
                .containsExactly(MessageIds.of(PAYMENT, EmailKind.PAYMENT_CONFIRMATION, DOMAIN));

        advance(RETRY.firstDelay());
        assertThat(messageIds(SMTP.getReceivedMessages())).containsExactlyInAnyOrder(
                MessageIds.of(PAYMENT, EmailKind.PAYMENT_CONFIRMATION, DOMAIN),
                MessageIds.of(REFUND, EmailKind.REFUND_CONFIRMATION, DOMAIN));
        assertThat(recipient(emailWithMessageId(SMTP.getReceivedMessages(), REFUND, EmailKind.REFUND_CONFIRMATION)))
                .isEqualTo(ZOE.email());

        advanceInSteps(Duration.ofMinutes(2));
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(metrics.count(SKIPPED, "reason", "no-recipient")).isZero();
    }

    @Test
    void aRefundOfACaptureOfAnAuthorizationIsEmailedToTheAuthorizationsCustomerAndTheCaptureToNobody() throws MessagingException {
        startNotifier();

        publish(authorizationBy(OLA));
        publish(captureOfTheAuthorization());
        publish(refund(REFUND, CAPTURE).succeeded());

        MimeMessage[] emails = SMTP.getReceivedMessages();
        assertThat(messageIds(emails)).containsExactlyInAnyOrder(
                MessageIds.of(PREAUTH, EmailKind.AUTHORIZATION_CONFIRMATION, DOMAIN),
                MessageIds.of(REFUND, EmailKind.REFUND_CONFIRMATION, DOMAIN));
        assertThat(recipient(emailWithMessageId(emails, PREAUTH, EmailKind.AUTHORIZATION_CONFIRMATION))).isEqualTo(OLA.email());
        assertThat(recipient(emailWithMessageId(emails, REFUND, EmailKind.REFUND_CONFIRMATION))).isEqualTo(OLA.email());
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aRefundArrivingBeforeItsCaptureAndAuthorizationIsSentOnceToTheAuthorizationsCustomer() throws MessagingException {
        startNotifier();
        publish(refund(REFUND, CAPTURE).succeeded());
        publish(captureOfTheAuthorization());
        publish(authorizationBy(OLA));
        assertThat(messageIds(SMTP.getReceivedMessages()))
                .containsExactly(MessageIds.of(PREAUTH, EmailKind.AUTHORIZATION_CONFIRMATION, DOMAIN));

        advanceInSteps(Duration.ofMinutes(2));

        MimeMessage[] emails = SMTP.getReceivedMessages();
        assertThat(messageIds(emails)).containsExactlyInAnyOrder(
                MessageIds.of(PREAUTH, EmailKind.AUTHORIZATION_CONFIRMATION, DOMAIN),
                MessageIds.of(REFUND, EmailKind.REFUND_CONFIRMATION, DOMAIN));
        assertThat(recipient(emailWithMessageId(emails, REFUND, EmailKind.REFUND_CONFIRMATION))).isEqualTo(OLA.email());
        assertThat(metrics.count(SENT, "kind", "refund")).isEqualTo(1);
        assertThat(metrics.count(SKIPPED, "reason", "no-recipient")).isZero();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    // --- what sends nothing ---

    @Test
    void pendingAndFailedTransactionsAndCapturesSendNothing() {
        startNotifier();

        publish(debit(PAYMENT).pending());
        publish(debit(OTHER_PAYMENT).failed());
        publish(TestEvents.of("CAPTURE", "capture0000000000001").withParent(PAYMENT).succeeded());
        advanceInSteps(Duration.ofMinutes(2));

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aKindThatIsNotEnabledSendsNothingAndIsCounted() throws MessagingException {
        startNotifier(SMTP_PORT, EmailKinds.parse("NOTIFY_EMAIL_KINDS", "payment"));
        publish(debit(PAYMENT).succeeded());

        publish(refund(REFUND, PAYMENT).succeeded());

        assertThat(messageIds(SMTP.getReceivedMessages()))
                .containsExactly(MessageIds.of(PAYMENT, EmailKind.PAYMENT_CONFIRMATION, DOMAIN));
        assertThat(metrics.count(SKIPPED, "reason", "kind-disabled")).isEqualTo(1);
    }

    @Test
    void aPaymentWithoutCustomerAndWithoutParentHasNoRecipientAndIsSkipped() {
        startNotifier();

        publish(debit(PAYMENT).withCustomer(null).succeeded());
        advanceInSteps(Duration.ofMinutes(2));

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(metrics.count(SKIPPED, "reason", "no-recipient")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    // --- outages and retries ---

    @Test
    void duringAnSmtpOutageLaterEmailsAreParkedWithoutAnAttempt() {
        int downPort = FreePorts.any();
        startNotifier(downPort, EmailKinds.all());
        publish(debit(PAYMENT).succeeded());
        assertThat(metrics.count(FAILED_ATTEMPTS, "reason", "smtp-unreachable")).isEqualTo(1);

        publish(debit(OTHER_PAYMENT).withCustomer(OLA).succeeded());
        advance(RETRY.firstDelay().minusSeconds(1));

        // One connect failure per delay, not one per email; both wait for their next attempt.
        assertThat(metrics.count(FAILED_ATTEMPTS, "reason", "smtp-unreachable")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
        KeyValueStore<String, PendingEmail> pending = driver.getKeyValueStore(NotifierTopology.PENDING);
        assertThat(pending.get(PendingEmail.key(OTHER_PAYMENT, EmailKind.PAYMENT_CONFIRMATION)))
                .satisfies(parked -> assertThat(parked.failedAttempts()).as("parked without an attempt").isZero());
        assertThat(pending.get(PendingEmail.key(PAYMENT, EmailKind.PAYMENT_CONFIRMATION)).failedAttempts()).isEqualTo(1);
    }

    @Test
    void emailsHeldBackByAnOutageArriveOnceWhenTheServerIsBack() throws MessagingException {
        int downPort = FreePorts.any();
        startNotifier(downPort, EmailKinds.all());
        publish(debit(PAYMENT).succeeded());
        publish(debit(OTHER_PAYMENT).withCustomer(OLA).succeeded());

        GreenMail backAgain = mailServerComesUpOn(downPort);
        advance(RETRY.firstDelay());

        assertThat(recipients(backAgain.getReceivedMessages())).containsExactlyInAnyOrder(ZOE.email(), OLA.email());
        advanceInSteps(Duration.ofMinutes(2));
        assertThat(backAgain.getReceivedMessages()).hasSize(2);
        assertThat(metrics.count(FAILED_ATTEMPTS, "reason", "smtp-unreachable")).isEqualTo(1);
        assertThat(metrics.count(SENT, "kind", "payment")).isEqualTo(2);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    // --- dead letters and redrives ---

    @Test
    void anEmailStillFailingAfterTheLastAttemptIsDeadLetteredWithoutTheCustomersAddress() {
        TransactionEvent paid = debit(PAYMENT).succeeded();

        TestRecord<String, byte[]> deadLetter = deadLetterAfterAllAttempts(FreePorts.any(), paid);

        assertThat(deadLetter.key()).isEqualTo(PAYMENT);
        assertThat(EventJson.read(deadLetter.value()).eventId()).isEqualTo(paid.eventId());
        assertThat(header(deadLetter, DeadLetterHeaders.REASON)).isEqualTo("retries-exhausted");
        assertThat(header(deadLetter, DeadLetters.EMAIL_KIND)).isEqualTo("payment");
        assertThat(header(deadLetter, DeadLetters.ATTEMPTS)).isEqualTo(Integer.toString(RETRY.maxAttempts()));
        assertThat(header(deadLetter, DeadLetterHeaders.DETAIL)).isNotBlank().doesNotContain(ZOE.email()).doesNotContain("@");
        assertThat(header(deadLetter, CloudEventHeaders.ID)).isEqualTo(paid.eventId());
        assertThat(deadLetters.isEmpty()).as("exactly one dead letter").isTrue();
        assertThat(metrics.count(FAILED_ATTEMPTS, "reason", "smtp-unreachable")).isEqualTo(RETRY.maxAttempts());
        assertThat(metrics.count(DEAD_LETTERED, "reason", "retries-exhausted")).isEqualTo(1);
    }

    @Test
    void aDeadLetteredEventPublishedAgainSendsNothingEvenWithTheServerBack() {
        int downPort = FreePorts.any();
        TransactionEvent paid = debit(PAYMENT).succeeded();
        deadLetterAfterAllAttempts(downPort, paid);
        GreenMail backAgain = mailServerComesUpOn(downPort);

        publish(paid);
        advanceInSteps(Duration.ofMinutes(2));

        assertThat(backAgain.getReceivedMessages()).isEmpty();
        assertThat(metrics.count(SKIPPED, "reason", "dead-lettered-before")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aRedrivenDeadLetterIsSentOnceWhenTheServerIsBack() throws MessagingException {
        int downPort = FreePorts.any();
        TestRecord<String, byte[]> deadLetter = deadLetterAfterAllAttempts(downPort, debit(PAYMENT).succeeded());
        GreenMail backAgain = mailServerComesUpOn(downPort);

        redrive(deadLetter);
        assertThat(recipients(backAgain.getReceivedMessages())).containsExactly(ZOE.email());
        assertThat(backAgain.getReceivedMessages()[0].getMessageID())
                .isEqualTo(MessageIds.of(PAYMENT, EmailKind.PAYMENT_CONFIRMATION, DOMAIN));

        redrive(deadLetter);
        advanceInSteps(Duration.ofMinutes(2));
        assertThat(backAgain.getReceivedMessages()).hasSize(1);
        assertThat(metrics.count(SKIPPED, "reason", "already-sent")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    // --- poison pills ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{}", "{\"type\":\"transaction.succeeded\"}", "[1,2]"})
    void aValueThatIsNotATransactionEventIsDeadLetteredAsItWasAndTheStreamMovesOn(String value) {
        startNotifier();
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Headers original = new RecordHeaders().add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));

        transactionEvents.pipeInput(new TestRecord<>("some-key", bytes, original));
        publish(debit(PAYMENT).succeeded());

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo("some-key");
        assertThat(dead.get(0).value()).isEqualTo(bytes);
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("unreadable-event");
        assertThat(header(dead.get(0), "traceparent")).isEqualTo("00-abc-01");
        assertThat(metrics.count(DEAD_LETTERED, "reason", "unreadable-event")).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theJsonValueNullIsDeadLetteredInsteadOfStoppingTheStream() {
        startNotifier();
        byte[] jsonNull = "null".getBytes(StandardCharsets.UTF_8);

        transactionEvents.pipeInput("some-key", jsonNull);
        publish(debit(PAYMENT).succeeded());

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(jsonNull);
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("unreadable-event");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anUnreadableValueWithoutAKeyIsStillDeadLettered() {
        startNotifier();
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        transactionEvents.pipeInput(null, garbage);

        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(metrics.count(DEAD_LETTERED, "reason", "unreadable-event")).isEqualTo(1);
    }

    @Test
    void anEmailThatCannotBeRenderedDoesNotHoldBackOtherCustomersEmails() throws MessagingException {
        startNotifier();
        publish(debit(PAYMENT).withAmount("not-a-number").succeeded());
        assertThat(metrics.count(FAILED_ATTEMPTS, "reason", "template-failed")).isEqualTo(1);

        publish(debit(OTHER_PAYMENT).withCustomer(OLA).succeeded());

        assertThat(recipients(SMTP.getReceivedMessages())).containsExactly(OLA.email());
    }

    // --- helpers ---

    private void startNotifier() {
        startNotifier(SMTP_PORT, EmailKinds.all());
    }

    private void startNotifier(int smtpPort, EmailKinds kinds) {
        SmtpSettings smtp = SmtpSettings.from(new Env(Map.of(
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(smtpPort), "SMTP_STARTTLS", "disabled",
                "SMTP_CONNECT_TIMEOUT", "2000", "SMTP_READ_TIMEOUT", "5000", "MAIL_FROM", "Shop <orders@" + DOMAIN + ">")));
        Mailer mailer = new Mailer(new EmailTemplates(Optional.empty(), Locale.US), new SmtpSender(smtp), smtp.messageIdDomain());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "notifier-topology-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(NotifierTopology.build(kinds, mailer, RETRY, metrics), properties, START);
        transactionEvents = driver.createInputTopic(Topics.TRANSACTION_EVENTS.name(), new StringSerializer(), new ByteArraySerializer());
        redrives = driver.createInputTopic(Topics.NOTIFICATIONS_REDRIVE.name(), new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.NOTIFICATIONS_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void publish(TransactionEvent event) {
        transactionEvents.pipeInput(event.transaction().uuid(), TestEvents.json(event));
    }

    /** An authorization carrying its customer; Ola rather than Zoë, who is every test event's default customer. */
    private static TransactionEvent authorizationBy(EventCustomer customer) {
        return TestEvents.of("PREAUTHORIZE", PREAUTH).withCustomer(customer).succeeded();
    }

    /** A capture as IXOPAY sends it: no customer data, only the authorization it captures. */
    private static TransactionEvent captureOfTheAuthorization() {
        return TestEvents.of("CAPTURE", CAPTURE).withCustomer(null).withParent(PREAUTH).succeeded();
    }

    /** What the redrive command does with a dead letter: the same key, value and headers, marked. */
    private void redrive(TestRecord<String, byte[]> deadLetter) {
        Headers headers = new RecordHeaders(deadLetter.headers().toArray());
        DeadLetters.markRedrive(headers, START);
        redrives.pipeInput(new TestRecord<>(deadLetter.key(), deadLetter.value(), headers));
    }

    /** With nothing listening on {@code downPort}, the email fails until the retry policy gives up. */
    private TestRecord<String, byte[]> deadLetterAfterAllAttempts(int downPort, TransactionEvent event) {
        startNotifier(downPort, EmailKinds.all());
        publish(event);
        advanceInSteps(Duration.ofMinutes(2));
        return deadLetters.readRecord();
    }

    private void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Each advance runs the retry punctuator once, so long spans are walked in steps shorter than any delay. */
    private void advanceInSteps(Duration total) {
        Duration step = RETRY.firstDelay().dividedBy(2);
        for (Duration passed = Duration.ZERO; passed.compareTo(total) < 0; passed = passed.plus(step)) {
            advance(step);
        }
    }

    private GreenMail mailServerComesUpOn(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        laterMailServers.add(server);
        server.start();
        return server;
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }

    private static String recipient(MimeMessage email) throws MessagingException {
        return ((InternetAddress) email.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
    }

    private static List<String> recipients(MimeMessage[] emails) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (MimeMessage email : emails) {
            addresses.add(recipient(email));
        }
        return addresses;
    }

    private static List<String> messageIds(MimeMessage[] emails) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage email : emails) {
            ids.add(email.getMessageID());
        }
        return ids;
    }

    private static MimeMessage emailWithMessageId(MimeMessage[] emails, String uuid, EmailKind kind) throws MessagingException {
        String wanted = MessageIds.of(uuid, kind, DOMAIN);
        for (MimeMessage email : emails) {
            if (wanted.equals(email.getMessageID())) {
                return email;
            }
        }
        throw new AssertionError("no email with Message-ID " + wanted + " among " + Arrays.toString(emails));
    }
}
