package net.paycallbacks.ingress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DateFreshnessTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-04-28T15:23:40Z"), ZoneOffset.UTC);
    final DateFreshness fiveMinutes = new DateFreshness(Optional.of(Duration.ofMinutes(5)), NOW);

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 28 Apr 2026 15:23:40 UTC", "Mon, 20 Apr 2026 15:23:40 GMT", "garbage", ""})
    void whenOffAnyDateIsAcceptedEvenGarbage(String date) {
        // Given no skew configured
        DateFreshness off = new DateFreshness(Optional.empty(), NOW);

        // Then
        assertThat(off.isFresh(date)).isTrue();
    }

    @Test
    void ixopaysUtcSuffixAndTheRfcsGmtParseToTheSameInstant() {
        assertThat(DateFreshness.parse("Tue, 28 Apr 2026 15:23:40 UTC")).contains(Instant.parse("2026-04-28T15:23:40Z"));
        assertThat(DateFreshness.parse("Tue, 28 Apr 2026 15:23:40 GMT")).contains(Instant.parse("2026-04-28T15:23:40Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 28 Apr 2026 15:23:40 UTC", "Tue, 28 Apr 2026 15:23:40 GMT", "  Tue, 28 Apr 2026 15:23:40 UTC  "})
    void whenOnTheCurrentDateIsFreshInEitherSpelling(String date) {
        assertThat(fiveMinutes.isFresh(date)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tue, 28 Apr 2026 15:18:40 UTC", "Tue, 28 Apr 2026 15:28:40 GMT"})
    void whenOnADateExactlyAtTheSkewEitherWayIsAccepted(String date) {
        assertThat(fiveMinutes.isFresh(date)).isTrue();
    }

    @Test
    void whenOnADateFurtherInThePastThanTheSkewIsRefused() {
        assertThat(fiveMinutes.isFresh("Tue, 28 Apr 2026 15:18:39 UTC")).isFalse();
    }

    @Test
    void whenOnADateFurtherInTheFutureThanTheSkewIsRefused() {
        assertThat(fiveMinutes.isFresh("Tue, 28 Apr 2026 15:28:41 GMT")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "2026-04-28T15:23:40Z", "Tue, 28 Apr 2026 15:23:40", "Tue, 28 Apr 2026 25:23:40 UTC"})
    void whenOnAnUnparseableDateIsRefused(String date) {
        // Then
        assertThat(DateFreshness.parse(date)).isEmpty();
        assertThat(fiveMinutes.isFresh(date)).isFalse();
    }
}
