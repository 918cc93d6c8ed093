package net.paycallbacks.local.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.events.CloudEventHeaders;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.EventIds;
import net.paycallbacks.common.events.EventTransaction;
import net.paycallbacks.common.events.EventType;
import net.paycallbacks.common.events.TransactionEvent;
import net.paycallbacks.common.events.TransactionStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For the notifier benchmark: fills {@code transaction-events} as the processor would (a PENDING and a
 * SUCCEEDED event per DEBIT, each with its customer), runs the local SMTP server (GreenMail), and times
 * the notifier from its readiness until the server has received one email per transaction. Prints
 * "filled" once the topic is full, so the notifier can be started, then "notifier ready" and
 * "receiving done"; writes the results to OUT_FILE as name=value lines.
 * Args: BOOTSTRAP_SERVERS TRANSACTIONS SMTP_PORT READY_URL OUT_FILE.
 */
public final class BenchEmails {

    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** After the last expected email, how long to wait for emails that should not exist. */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** GreenMail keeps a mailbox per address; a thousand customers is enough variety. */
    private static final int CUSTOMERS = 1000;

    private BenchEmails() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int transactions = Integer.parseInt(args[1]);
        int smtpPort = Integer.parseInt(args[2]);
        URI ready = URI.create(args[3]);
        Path out = Path.of(args[4]);

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        long started = System.nanoTime();
        fill(bootstrap, transactions);
        System.out.printf("filled %d events for %d transactions in %.1f s%n", 2 * transactions, transactions,
                seconds(System.nanoTime() - started));

        long readyAt = BenchFill.awaitReady(ready);
        System.out.println("notifier ready; receiving emails");
        long halfAt = 0;
        long deadline = readyAt + PATIENCE.toNanos();
        int received = 0;
        while (received < transactions && System.nanoTime() < deadline) {
            Thread.sleep(20);
            received = smtp.getReceivedMessages().length;
            if (halfAt == 0 && received >= transactions / 2) {
                halfAt = System.nanoTime();
            }
        }
        long lastAt = System.nanoTime();
        System.out.println("receiving done");
        Thread.sleep(SETTLE.toMillis());
        MimeMessage[] all = smtp.getReceivedMessages();
        int distinct = distinctMessageIds(all);
        smtp.stop();

        double elapsed = seconds(lastAt - readyAt);
        // The first half includes most of the notifier's JIT compilation, which competes for the same 2 cores.
        double secondHalf = (transactions - transactions / 2) / seconds(lastAt - halfAt);
        Files.writeString(out, """
                transactions=%d
                events=%d
                emails_expected=%d
                emails_received=%d
                distinct_message_ids=%d
                seconds=%.3f
                emails_per_s=%.0f
                second_half_emails_per_s=%.0f
                """.formatted(transactions, 2 * transactions, transactions, all.length, distinct, elapsed,
                transactions / elapsed, secondHalf));
        System.out.printf("notifier: %d emails of %d expected in %.2f s after ready: %.0f emails/s%n",
                all.length, transactions, elapsed, transactions / elapsed);
        System.exit(all.length == transactions && distinct == transactions ? 0 : 1);
    }

    private static void fill(String bootstrap, int transactions) {
        String run = "n" + Integer.toHexString(0x100000 + ThreadLocalRandom.current().nextInt(0xefffff));
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, TransactionEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20),
                Topics.TRANSACTION_EVENTS.keySerde().serializer(), Topics.TRANSACTION_EVENTS.valueSerde().serializer())) {
            for (int i = 0; i < transactions; i++) {
                String uuid = SignedCallback.uuid(run, i);
                EventCustomer customer = new EventCustomer("customer" + (i % CUSTOMERS) + "@example.com", "Zoë", "Ünal");
                for (TransactionEvent event : new TransactionEvent[] {
                        event(uuid, i, 1, EventType.PENDING, customer), event(uuid, i, 2, EventType.SUCCEEDED, customer)}) {
                    producer.send(new ProducerRecord<>(Topics.TRANSACTION_EVENTS.name(), null, uuid, event,
                            CloudEventHeaders.of(event)), (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling transaction-events failed", failure.get());
        }
    }

    private static TransactionEvent event(String uuid, int index, long version, EventType type, EventCustomer customer) {
        TransactionStatus status = type == EventType.PENDING ? TransactionStatus.PENDING : TransactionStatus.SUCCESS;
        return new TransactionEvent(TransactionEvent.SCHEMA_VERSION, EventIds.of(uuid, version, type), type, Instant.now(), "bench",
                new EventTransaction(uuid, "order-" + index, "purchase-" + index, "DEBIT", "Creditcard", "49.90", "EUR",
                        status, version == 1 ? null : TransactionStatus.PENDING, version, null, null, null),
                customer, null);
    }

    private static int distinctMessageIds(MimeMessage[] messages) throws MessagingException {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : messages) {
            ids.add(message.getMessageID());
        }
        return ids.size();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
