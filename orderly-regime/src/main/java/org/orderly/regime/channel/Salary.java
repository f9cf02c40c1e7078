package org.orderly.regime.channel;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** A gross salary: an amount in an ISO 4217 currency per year, month or hour. */
public record Salary(BigDecimal amount, String currency, Period period) implements java.io.Serializable {

    /** What the amount is paid for. */
    public enum Period {
        YEAR,
        MONTH,
        HOUR
    }

    public Salary {
        Objects.requireNonNull(amount, "salary amount");
        Objects.requireNonNull(period, "salary period");
        if (amount.signum() < 0)
            throw new IllegalArgumentException("salary " + amount.toPlainString() + " must not be negative");
        currency = currency(currency);
    }

    /**
     * Reads what a person typed: a non-negative number, an ISO 4217 currency code and a period (default year).
     *
     * @throws IllegalArgumentException naming the field and what was given
     */
    public static Salary parse(String amount, String currency, String period) {
        if (amount == null || amount.isBlank()) throw new IllegalArgumentException("salary is missing");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("salary '" + amount + "' is not a number");
        }
        if (value.signum() < 0) throw new IllegalArgumentException("salary '" + amount + "' must not be negative");
        if (currency == null || currency.isBlank())
            throw new IllegalArgumentException("currency is missing: give the salary's ISO 4217 code, such as EUR");
        Period p;
        try {
            p = period == null || period.isBlank()
                    ? Period.YEAR
                    : Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salary period '" + period + "' is not one of year, month, hour");
        }
        return new Salary(value, currency, p);
    }

    /** The currency code checked against ISO 4217 (as the JDK knows it). */
    public static String currency(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (c.length() != 3) throw new IllegalArgumentException();
            return Currency.getInstance(c).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "currency '" + code + "' is not an ISO 4217 currency code (such as EUR, USD, GBP)");
        }
    }

    /** The amount for a year, when the period allows it without assumptions (a month is a twelfth); empty for an hour. */
    public java.util.Optional<BigDecimal> yearly() {
        return switch (period) {
            case YEAR -> java.util.Optional.of(amount);
            case MONTH -> java.util.Optional.of(amount.multiply(BigDecimal.valueOf(12)));
            case HOUR -> java.util.Optional.empty();
        };
    }

    public String describe() {
        return String.format(
                        Locale.ROOT,
                        "%s %,.2f a %s",
                        currency,
                        amount,
                        period.name().toLowerCase(Locale.ROOT))
                .replace(".00 ", " ");
    }
}
