package net.paycallbacks.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantTest {

    @Test
    void readsWhatInstantToStringWritesAsInstantParseDoes() {
        Random random = new Random(20261129);
        for (int i = 0; i < 100_000; i++) {
            // Years 1 to 9999, and every precision toString uses: none, millis, micros, nanos.
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();

            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T06:10:33.1Z", "2026-11-29T06:10:33.12Z", "2026-11-29T06:10:33.1234Z",
        "2026-11-29T06:10:33.00000001Z", "2026-02-28T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z", "2026-11-29T06:10:33+01:00", "2026-11-29t06:10:33z",
        "2026-11-29T24:00:00Z", "2026-11-29T06:10:33.Z"})
    void anyOtherValidTextGivesWhatInstantParseGives(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", 
        "2026-11-29T06:61:00Z", "2026-11-29T06:10:33.1234567890Z", "2026-11-29 06:10:33Z",
        "2026-11-29T06:10:3aZ", "2026-11-29T06:10:33"})
    void invalidTextFailsAsInstantParseFails(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstant.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
