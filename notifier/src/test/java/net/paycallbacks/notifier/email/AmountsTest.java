package net.paycallbacks.notifier.email;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void showsTheCurrencyAsPeopleWriteIt() {
        assertThat(Amounts.forPeople("49.90", "EUR", Locale.UK)).isEqualTo("€49.90");
        assertThat(Amounts.forPeople("1234.5", "USD", Locale.US)).isEqualTo("$1,234.50");
        assertThat(Amounts.forPeople("1234.5", "EUR", Locale.GERMANY)).isEqualTo("1.234,50\u00a0€"); // a no-break space, as German typography wants
    }

    @Test
    void usesTheCurrencysOwnDecimalsAndNeverRounds() {
        assertThat(Amounts.forPeople("1000", "JPY", Locale.JAPAN)).isEqualTo("￥1,000");
        assertThat(Amounts.forPeople("10.999", "EUR", Locale.UK)).isEqualTo("€10.999");
        assertThat(Amounts.forPeople("12.345", "KWD", Locale.UK)).contains("12.345");
    }

    @Test
    void anUnknownCurrencyCodeIsWrittenAfterTheAmount() {
        assertThat(Amounts.forPeople("49.90", "XYZ", Locale.UK)).isEqualTo("49.90 XYZ");
        assertThat(Amounts.forPeople("49.90", null, Locale.UK)).isEqualTo("49.90");
    }
}
