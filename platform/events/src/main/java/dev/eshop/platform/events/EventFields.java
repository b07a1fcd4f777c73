package dev.eshop.platform.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Checks payload records make in their constructors, so a producer cannot write an incomplete event
 * and a consumer rejects one as malformed.
 */
public final class EventFields {

    private EventFields() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Money has exactly two decimals; more is an error, fewer are padded. */
    public static BigDecimal money(BigDecimal value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " must have at most two decimals, was " + value.toPlainString());
        }
    }

    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static <T> List<T> list(List<T> value, String field) {
        return List.copyOf(required(value, field));
    }
}
