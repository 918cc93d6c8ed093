package net.paycallbacks.notifier.redrive;

import java.util.Map;
import java.util.TreeMap;

/** What a redrive found in (and, unless it was a dry run, moved out of) {@code notifications-dlq}. */
public record RedriveReport(boolean dryRun, int records, Map<String, Integer> byReason) {

    public RedriveReport {
        byReason = Map.copyOf(byReason);
    }

    public String describe() {
        String verb = dryRun ? "Would redrive " : "Redrove ";
        return verb + records + " dead letter(s) from notifications-dlq to notifications-redrive"
                + (records == 0 ? "" : ", by reason: " + new TreeMap<>(byReason));
    }
}
