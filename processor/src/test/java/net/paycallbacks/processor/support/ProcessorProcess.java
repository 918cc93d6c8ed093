package net.paycallbacks.processor.support;

import net.paycallbacks.processor.ProcessorMain;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The processor in a JVM of its own, so that a test can kill it the hard way (SIGKILL). */
public final class ProcessorProcess {

    private final Process process;
    private final int port;

    private ProcessorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ProcessorProcess start(Map<String, String> environment, int port, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ProcessorMain.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        try {
            return new ProcessorProcess(builder.start(), port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the processor JVM", e);
        }
    }

    public ProcessorProcess awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("processor exited with " + process.exitValue());
            }
            try {
                return HttpGet.get(url("/health/ready")).statusCode() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGKILL: no commit, no leaving the group, an open Kafka transaction left behind. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the graceful shutdown. Returns the exit status. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("processor did not stop within 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
