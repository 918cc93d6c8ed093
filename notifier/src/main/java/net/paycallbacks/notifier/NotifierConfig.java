package net.paycallbacks.notifier;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.config.Env;
import net.paycallbacks.common.config.KafkaClientConfig;
import net.paycallbacks.notifier.email.EmailKind;
import net.paycallbacks.notifier.email.EmailKinds;
import net.paycallbacks.notifier.retry.RetryPolicy;
import net.paycallbacks.notifier.smtp.SmtpSettings;
import net.paycallbacks.streams.RocksDbMemory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The notifier's settings, read once from the environment and validated.
 *
 * @param templateDir templates that override the built-in English ones, file by file
 * @param locale      how amounts are written for people (e.g. {@code de-AT} gives "€ 49,90")
 * @param rocksDbMemoryMib what the stores' RocksDB may use in all: cache, index and filter blocks, memtables
 */
public record NotifierConfig(int httpPort, Duration shutdownGrace, EmailKinds kinds, Optional<Path> templateDir,
                             Locale locale, SmtpSettings smtp, RetryPolicy retry, int rocksDbMemoryMib, Properties kafka) {

    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String SHUTDOWN_GRACE = "SHUTDOWN_GRACE";
    /** Named here too: deploy-check learns which variables a service reads from its config class's constants. */
    public static final String ROCKSDB_MEMORY_MIB = RocksDbMemory.ENV;
    public static final String NOTIFY_EMAIL_KINDS = "NOTIFY_EMAIL_KINDS";
    public static final String NOTIFY_TEMPLATE_DIR = "NOTIFY_TEMPLATE_DIR";
    public static final String NOTIFY_LOCALE = "NOTIFY_LOCALE";
    public static final String DEFAULT_APPLICATION_ID = "ixopay-notifier";

    public static NotifierConfig from(Env env) {
        return new NotifierConfig(
                env.integer(HTTP_PORT, 8080, 0, 65535),
                env.duration(SHUTDOWN_GRACE, Duration.ofSeconds(30)),
                env.optional(NOTIFY_EMAIL_KINDS).map(list -> EmailKinds.parse(NOTIFY_EMAIL_KINDS, list)).orElse(EmailKinds.all()),
                env.optional(NOTIFY_TEMPLATE_DIR).map(NotifierConfig::templateDir),
                locale(env.string(NOTIFY_LOCALE, "en-US")),
                SmtpSettings.from(env),
                RetryPolicy.from(env),
                // Its stores hold one small record per email: less than the processor's transactions.
                RocksDbMemory.mebibytes(env, 64),
                env.kafkaProperties());
    }

    private static Path templateDir(String value) {
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(NOTIFY_TEMPLATE_DIR, "is not a directory this service can read");
        }
        return dir;
    }

    private static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag.trim());
        if (locale.getLanguage().isEmpty()) {
            throw new ConfigException(NOTIFY_LOCALE, "must be a language tag such as en-US or de-AT");
        }
        return locale;
    }

    public String describe() {
        return "httpPort=" + httpPort
                + ", shutdownGrace=" + shutdownGrace.toMillis() + "ms"
                + ", kinds=" + kinds.enabled().stream().map(EmailKind::configName).collect(Collectors.joining(","))
                + ", templates=" + templateDir.map(Path::toString).orElse("built-in")
                + ", locale=" + locale.toLanguageTag()
                + ", " + smtp.describe()
                + ", retry=" + retry.maxAttempts() + " attempts from " + retry.firstDelay() + " up to " + retry.maxDelay()
                + ", rocksDbMemory=" + rocksDbMemoryMib + "MiB"
                + ", kafka=" + KafkaClientConfig.describe(kafka);
    }
}
