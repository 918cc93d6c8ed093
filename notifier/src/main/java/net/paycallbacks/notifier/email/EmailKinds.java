package net.paycallbacks.notifier.email;

import net.paycallbacks.common.config.ConfigException;
import net.paycallbacks.common.events.TransactionEvent;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which kinds of email this deployment sends (all three unless configured otherwise). */
public record EmailKinds(Set<EmailKind> enabled) {

    public EmailKinds {
        enabled = enabled.isEmpty() ? EnumSet.noneOf(EmailKind.class) : EnumSet.copyOf(enabled);
    }

    public static EmailKinds all() {
        return new EmailKinds(EnumSet.allOf(EmailKind.class));
    }

    /** Parses a comma-separated list such as {@code payment,refund}; an unknown name is refused, naming the variable. */
    public static EmailKinds parse(String variable, String list) {
        Set<EmailKind> kinds = EnumSet.noneOf(EmailKind.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            kinds.add(EmailKind.fromConfigName(name).orElseThrow(() -> new ConfigException(variable,
                    "unknown email kind '" + name.trim() + "' (known: " + Arrays.stream(EmailKind.values())
                            .map(EmailKind::configName).collect(Collectors.joining(", ")) + ")")));
        }
        return new EmailKinds(kinds);
    }

    /** The email to send for this event, if its kind is enabled. */
    public Optional<EmailKind> select(TransactionEvent event) {
        return EmailKind.forEvent(event).filter(enabled::contains);
    }
}
