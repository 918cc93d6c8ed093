package net.paycallbacks.ingress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The optional check that a callback's Date is close to now. IXOPAY retries for about eight days and
 * does not document whether retries are re-signed, so the check is off unless a skew is configured.
 */
public final class DateFreshness {

    private final Optional<Duration> maxSkew;
    private final Clock clock;

    public DateFreshness(Optional<Duration> maxSkew, Clock clock) {
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    public boolean isFresh(String dateHeader) {
        if (maxSkew.isEmpty()) {
            return true;
        }
        return parse(dateHeader)
                .map(sent -> Duration.between(sent, clock.instant()).abs().compareTo(maxSkew.get()) <= 0)
                .orElse(false);
    }

    /** An RFC 7231 date; IXOPAY writes {@code UTC} where the RFC says {@code GMT} unless told otherwise. */
    static Optional<Instant> parse(String dateHeader) {
        String normalised = dateHeader.trim().endsWith(" UTC")
                ? dateHeader.trim().substring(0, dateHeader.trim().length() - 4) + " GMT"
                : dateHeader.trim();
        try {
            return Optional.of(ZonedDateTime.parse(normalised, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
