package net.paycallbacks.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.paycallbacks.common.SignatureVariant;
import net.paycallbacks.common.Topics;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.events.EventJson;
import net.paycallbacks.common.events.TransactionEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The guided demo, for a second terminal beside {@code bin/local-pipeline}: sends a realistic,
 * validly signed IXOPAY scenario through the ingress, then prints what the product made of it, the
 * events per transaction, the final states and the emails. Exits 1 if anything is missing or extra.
 */
public final class Demo {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** After the expected events, how long to keep reading so that an extra one would show. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (IOException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        LocalSettings settings = LocalSettings.from(Env.system(), List.of());
        DemoScenario scenario = DemoScenario.of(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6));
        URI callbacks = URI.create("http://127.0.0.1:" + settings.httpPort() + "/callbacks/" + LocalPipeline.DEMO_CONNECTOR);
        boolean complete = true;
        try (HttpClient http = HttpClient.newHttpClient()) {
            System.out.println("Sending " + scenario.steps().size() + " signed callbacks to " + callbacks);
            for (DemoScenario.Step step : scenario.steps()) {
                HttpResponse<String> answer = SignedPost.post(http, callbacks, settings.demoSecret(), SignatureVariant.SHA512, step.body());
                System.out.printf("  %-28s %s   %d %s%n", step.label(), step.uuid(), answer.statusCode(), answer.body());
                complete &= answer.statusCode() == 200;
            }

            List<TransactionEvent> events = events(settings, scenario);
            System.out.println();
            System.out.println("transaction-events, as a subscriber reads them (read_committed):");
            for (String uuid : scenario.transactions()) {
                events.stream().filter(event -> event.transaction().uuid().equals(uuid)).forEach(event -> System.out.printf(
                        "  %s  v%d %-24s %-12s %s %s%s%n", uuid, event.transaction().version(), event.type().wireName(),
                        event.transaction().transactionType(), event.transaction().amount(), event.transaction().currency(),
                        event.transaction().parentUuid() == null ? "" : "  (parent " + event.transaction().parentUuid() + ")"));
            }
            complete &= report("events", events.size(), scenario.expectedEvents());

            System.out.println();
            System.out.println("Final states (processor query API, http://127.0.0.1:" + settings.processorPort() + "/transactions/{uuid}):");
            int known = 0;
            for (String uuid : scenario.transactions()) {
                JsonNode state = state(http, settings, uuid);
                known += state.has("version") ? 1 : 0; // an answer other than 200 has none
                System.out.printf("  %s  %-8s v%s  duplicates ignored %s, late ignored %s%n", uuid, state.path("status").asText("?"),
                        state.path("version").asText("?"), state.path("duplicatesIgnored").asText("?"), state.path("lateIgnored").asText("?"));
            }
            complete &= report("transactions known to the query API", known, scenario.transactions().size());
        }

        List<MimeMessage> emails = emails(settings.mailDir(), scenario);
        System.out.println();
        System.out.println("Emails received by the local mail server (" + settings.mailDir() + "):");
        for (MimeMessage email : emails) {
            InternetAddress to = (InternetAddress) email.getAllRecipients()[0];
            System.out.printf("  \"%s\"  to %s%n", email.getSubject(), to.getPersonal());
        }
        complete &= report("emails", emails.size(), scenario.expectedEmails());
        System.out.println();
        System.out.println(complete ? "Demo complete: every change published once, every email sent once."
                : "Demo incomplete: see above.");
        System.exit(complete ? 0 : 1);
    }

    private static boolean report(String what, int seen, int expected) {
        if (seen != expected) {
            System.out.println("  ! expected " + expected + " " + what + ", saw " + seen);
        }
        return seen == expected;
    }

    /** The scenario's events, read from the start of the topic until all are there and a little longer. */
    private static List<TransactionEvent> events(LocalSettings settings, DemoScenario scenario) {
        Set<String> ours = Set.copyOf(scenario.transactions());
        List<TransactionEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + settings.kafkaPort(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSACTION_EVENTS.name(), PATIENCE).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long settledAt = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settledAt)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ours.contains(record.key())) {
                        events.add(EventJson.read(record.value()));
                    }
                }
                if (events.size() >= scenario.expectedEvents() && settledAt == Long.MAX_VALUE) {
                    settledAt = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return events;
    }

    private static JsonNode state(HttpClient http, LocalSettings settings, String uuid) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.processorPort() + "/transactions/" + uuid))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode().put("status", "HTTP " + answer.statusCode());
    }

    /** The scenario's emails in the mail folder (the local mailbox saves each one as an .eml file). */
    private static List<MimeMessage> emails(Path folder, DemoScenario scenario) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<MimeMessage> ours = List.of();
        long settledAt = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settledAt)) {
            ours = ours(folder, scenario);
            if (ours.size() >= scenario.expectedEmails() && settledAt == Long.MAX_VALUE) {
                settledAt = System.nanoTime() + SETTLE.toNanos();
            }
            Thread.sleep(200);
        }
        return ours(folder, scenario);
    }

    private static List<MimeMessage> ours(Path folder, DemoScenario scenario) throws IOException, MessagingException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Map<Path, MimeMessage> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage email = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (email.getSubject() != null && email.getSubject().contains(scenario.orderPrefix())) {
                        found.put(file, email);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }
}
