package net.paycallbacks.notifier.email;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as people read them: "€49.90", "US$1,234.50", or "49.90 XTS" for a code the JDK does not know. */
public final class Amounts {

    private Amounts() {
    }

    public static String forPeople(String amount, String currencyCode, Locale locale) {
        if (amount == null) {
            return "";
        }
        BigDecimal value = new BigDecimal(amount);
        Currency currency = currency(currencyCode);
        if (currency == null) {
            return value.toPlainString() + (currencyCode == null ? "" : " " + currencyCode);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        // Never round a customer's amount: show at least the currency's digits, more if IXOPAY sent more.
        int digits = Math.max(currency.getDefaultFractionDigits(), Math.max(0, value.stripTrailingZeros().scale()));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private static Currency currency(String code) {
        try {
            return code == null ? null : Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
