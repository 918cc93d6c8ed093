package net.paycallbacks.notifier.email;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import net.paycallbacks.common.events.EventCustomer;
import net.paycallbacks.common.events.TransactionEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the emails with FreeMarker. Per kind three templates: {@code <kind>-subject.ftl},
 * {@code <kind>.txt.ftl} and {@code <kind>.html.ftlh} (the {@code .ftlh} ending HTML-escapes every
 * value). English defaults ship in the jar; a directory an operator names overrides any of them.
 */
public final class EmailTemplates {

    static final String DEFAULTS = "/net/paycallbacks/notifier/templates";

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final Locale locale;

    public EmailTemplates(Optional<Path> overrides, Locale locale) {
        this.locale = locale;
        freemarker.setTemplateLoader(loader(overrides));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setLocale(locale);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        // Errors are reported by whoever renders, without the values (customer data) in the log.
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
    }

    public RenderedEmail render(EmailKind kind, TransactionEvent event, EventCustomer recipient) {
        Map<String, Object> model = model(event, recipient);
        return new RenderedEmail(
                render(kind.configName() + "-subject.ftl", model).strip(),
                render(kind.configName() + ".txt.ftl", model),
                render(kind.configName() + ".html.ftlh", model));
    }

    private Map<String, Object> model(TransactionEvent event, EventCustomer recipient) {
        Map<String, Object> model = new HashMap<>();
        model.put("merchantTransactionId", orEmpty(event.transaction().merchantTransactionId()));
        model.put("amount", Amounts.forPeople(event.transaction().amount(), event.transaction().currency(), locale));
        model.put("currency", orEmpty(event.transaction().currency()));
        model.put("paymentMethod", orEmpty(event.transaction().paymentMethod()));
        model.put("firstName", orEmpty(recipient.firstName()));
        model.put("lastName", orEmpty(recipient.lastName()));
        model.put("occurredAt", event.occurredAt().toString());
        return model;
    }

    private String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("email template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("email template " + name + " failed at line " + e.getLineNumber(), e);
        }
    }

    private static TemplateLoader loader(Optional<Path> overrides) {
        TemplateLoader defaults = new ClassTemplateLoader(EmailTemplates.class, DEFAULTS);
        if (overrides.isEmpty()) {
            return defaults;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrides.get().toFile()), defaults});
        } catch (IOException e) {
            throw new UncheckedIOException("template directory " + overrides.get() + " cannot be read", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
