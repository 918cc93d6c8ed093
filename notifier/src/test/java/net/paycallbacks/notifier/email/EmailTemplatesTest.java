package net.paycallbacks.notifier.email;

import net.paycallbacks.common.events.EventCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import static net.paycallbacks.notifier.email.Events.ZOE;
import static net.paycallbacks.notifier.email.Events.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

class EmailTemplatesTest {

    private final EmailTemplates defaults = new EmailTemplates(Optional.empty(), Locale.UK);

    @ParameterizedTest
    @EnumSource(EmailKind.class)
    void everyKindHasASubjectATextAndAnHtmlPartWithTheOrderAndTheAmount(EmailKind kind) {
        RenderedEmail email = defaults.render(kind, succeeded("DEBIT"), ZOE);

        assertThat(email.subject()).contains("order-2026-0001").contains("€49.90").doesNotContain("\n");
        assertThat(email.text()).contains("Dear Zoë Ünal,").contains("order-2026-0001").contains("€49.90");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("Dear Zoë Ünal,").contains("<strong>€49.90</strong>");
    }

    @Test
    void theHtmlPartEscapesWhatTheCustomerTyped() {
        EventCustomer mischief = new EventCustomer("x@example.com", "<script>alert(1)</script>", "O'Brien & Co");

        RenderedEmail email = defaults.render(EmailKind.PAYMENT_CONFIRMATION, succeeded("DEBIT"), mischief);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("O&#39;Brien &amp; Co");
        assertThat(email.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void aCustomerWithoutANameIsGreetedPolitely() {
        RenderedEmail email = defaults.render(EmailKind.REFUND_CONFIRMATION, succeeded("REFUND"),
                new EventCustomer("zoe.unal@example.com", null, null));

        assertThat(email.text()).startsWith("Hello,");
    }

    @Test
    void anOperatorsDirectoryOverridesSomeTemplatesAndKeepsTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("payment-subject.ftl"), "Danke für Ihre Zahlung (${merchantTransactionId})",
                StandardCharsets.UTF_8);

        RenderedEmail email = new EmailTemplates(Optional.of(dir), Locale.GERMANY)
                .render(EmailKind.PAYMENT_CONFIRMATION, succeeded("DEBIT"), ZOE);

        assertThat(email.subject()).isEqualTo("Danke für Ihre Zahlung (order-2026-0001)");
        assertThat(email.text()).contains("49,90\u00a0€");
    }

    @Test
    void toStringRevealsNoContent() {
        RenderedEmail email = defaults.render(EmailKind.PAYMENT_CONFIRMATION, succeeded("DEBIT"), ZOE);

        assertThat(email.toString()).doesNotContain("Zoë").doesNotContain("order-2026-0001");
    }
}
