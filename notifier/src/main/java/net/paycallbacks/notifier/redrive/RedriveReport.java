package net.paycallbacks.notifier.redrive;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a redrive found in (and, unless it was a dry run, moved out of) {@code notifications-dlq}.
 *
 * @param unreadable dead letters that were never events, which no redrive can turn into an email
 */
public record RedriveReport(boolean dryRun, int records, Map<String, Integer> byReason, int unreadable) {

    public RedriveReport {
        byReason = Map.copyOf(byReason);
    }

    public String describe() {
        String verb = dryRun ? "Would redrive " : "Redrove ";
        return verb + records + " dead letter(s) from notifications-dlq to notifications-redrive"
                + (records == 0 ? "" : ", by reason: " + new TreeMap<>(byReason))
                + (unreadable == 0 ? "" : "; " + unreadable + " unreadable value(s) left alone (dlq-reason unreadable-event)");
    }
}
