package net.paycallbacks.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local pipeline's mail server (GreenMail, plain SMTP on localhost). Every email it receives is
 * written to the mail folder as an {@code .eml} file, which any mail program opens, and announced
 * on the console by its subject (never its recipient).
 */
final class LocalMailbox implements AutoCloseable {

    private final GreenMail server;
    private final Path folder;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().daemon().name("local-mailbox").unstarted(runnable));
    private int saved;

    private LocalMailbox(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    static LocalMailbox start(int port, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mail folder " + folder, e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LocalMailbox mailbox = new LocalMailbox(server, folder);
        mailbox.saver.scheduleWithFixedDelay(mailbox::saveNew, 200, 200, TimeUnit.MILLISECONDS);
        return mailbox;
    }

    int port() {
        return server.getSmtp().getPort();
    }

    Path folder() {
        return folder;
    }

    private void saveNew() {
        MimeMessage[] received = server.getReceivedMessages();
        while (saved < received.length) {
            MimeMessage message = received[saved];
            saved++;
            Path file = folder.resolve(String.format("%04d.eml", saved));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
                System.out.println("  Email received: \"" + message.getSubject() + "\"  ->  " + file);
            } catch (IOException | MessagingException e) {
                System.err.println("  Email received but not saved to " + file + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveNew();
        server.stop();
    }
}
