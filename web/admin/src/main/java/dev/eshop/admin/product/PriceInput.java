package dev.eshop.admin.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A price as admins type it (spec/ui.md §0.3): {@code 70000}, {@code 70000.5}, {@code 70,000.00},
 * {@code $70,000}; thousands separators only in their places, at most two decimals. Anything else
 * is refused with "Enter a price like 70000.00.".
 */
final class PriceInput {

    static final String INVALID = "Enter a price like 70000.00.";

    private static final Pattern PRICE = Pattern.compile("\\$?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private PriceInput() {
    }

    /** The amount with two decimals, or empty when the text is not a price. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (!PRICE.matcher(typed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(typed.replace("$", "").replace(",", "").strip()).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** How the form shows a stored price: {@code 70000.00}, which the form reads back the same. */
    static String show(BigDecimal price) {
        return price == null ? "" : price.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
