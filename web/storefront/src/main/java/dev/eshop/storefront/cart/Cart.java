package dev.eshop.storefront.cart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The customer's cart as cart answers it (services.md §3.3); names, prices and stock are cart's copy of the catalogue. */
public record Cart(List<Line> lines, int totalQuantity, BigDecimal subtotal) {

    public Cart {
        lines = lines == null ? List.of() : lines;
    }

    /**
     * @param problem null, {@code OUT_OF_STOCK}, {@code EXCEEDS_STOCK} or {@code UNAVAILABLE}
     */
    public record Line(UUID productId, String productName, String imageUrl, BigDecimal unitPrice, int quantity, BigDecimal lineTotal,
                       String note, int stock, int maxQuantity, String problem) {

        /** What the row says about a problem (spec/ui.md §1.6); null when there is none. */
        public String problemText() {
            if (problem == null) {
                return null;
            }
            return switch (problem) {
                case "EXCEEDS_STOCK" -> "Only " + stock + " left. Lower the quantity to continue.";
                case "OUT_OF_STOCK" -> "Out of stock. Remove it to continue.";
                case "UNAVAILABLE" -> "No longer sold.";
                default -> "This vehicle cannot be ordered as it is.";
            };
        }

        public String displayName() {
            return productName == null ? "A vehicle no longer sold" : productName;
        }

        /** The largest quantity the input offers: at least the current one, so a line over stock can still be lowered from it. */
        public int inputMax() {
            return Math.max(Math.max(maxQuantity, quantity), 1);
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public boolean hasProblems() {
        return lines.stream().anyMatch(line -> line.problem() != null);
    }

    public Optional<Line> line(UUID productId) {
        return lines.stream().filter(line -> line.productId().equals(productId)).findFirst();
    }

    /** A quantity as typed into a form: the whole number, or null for anything else. */
    public static Integer parseQuantity(String typed) {
        try {
            return Integer.valueOf(typed.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
