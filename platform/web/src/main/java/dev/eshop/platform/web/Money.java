package dev.eshop.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * Money arithmetic on plain {@link BigDecimal} amounts (USD, scale 2, half-up). Amounts stay
 * {@code BigDecimal} in records so they are JSON numbers ({@code 70000.00}); this class only keeps
 * every result at scale 2. Validate incoming amounts with {@link Amount}.
 */
public final class Money {

    public static final int SCALE = 2;

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE, ROUNDING);

    private Money() {
    }

    /** The amount at scale 2, rounded half-up; {@code null} stays {@code null}. */
    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** Unit price times quantity, e.g. a cart or order line total. */
    public static BigDecimal times(BigDecimal unitPrice, long quantity) {
        return of(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        return sum(amounts.stream());
    }

    public static BigDecimal sum(Stream<BigDecimal> amounts) {
        return of(amounts.reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
