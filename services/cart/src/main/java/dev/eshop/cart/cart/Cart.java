package dev.eshop.cart.cart;

import dev.eshop.cart.cache.CartSnapshot;
import dev.eshop.cart.cache.ProductCopy;
import dev.eshop.platform.web.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's cart as the API shows it (spec/services.md §3.3). Name, price, image and stock of each line
 * come from the local product copy at the time of reading.
 *
 * @param totalQuantity units in the cart (the header badge)
 * @param subtotal      Σ line_total of the lines that have a price (display only; the checkout quote is authoritative)
 * @param updatedAt     when the cart last changed; null for a cart that never had a line
 */
public record Cart(UUID userId, List<Line> lines, int totalQuantity, BigDecimal subtotal, Instant updatedAt) {

    /**
     * @param productName  null when the product is unknown
     * @param unitPrice    null when the product is unknown
     * @param lineTotal    unit_price × quantity; null for an unavailable product
     * @param maxQuantity  min(max-quantity-per-line, stock): the most this line may be set to; 0 when unavailable
     * @param problem      null when the line can be checked out as it is
     */
    public record Line(UUID productId, String productName, String imageUrl, BigDecimal unitPrice, int quantity, BigDecimal lineTotal,
                       String note, int stock, int maxQuantity, LineProblem problem) {
    }

    static Cart of(CartSnapshot snapshot, Map<UUID, ProductCopy> products, int maxQuantityPerLine) {
        List<Line> lines = snapshot.lines().stream().map(line -> line(line, products.get(line.productId()), maxQuantityPerLine)).toList();
        return new Cart(snapshot.userId(), lines, lines.stream().mapToInt(Line::quantity).sum(),
                Money.sum(lines.stream().map(Line::lineTotal).filter(Objects::nonNull)), snapshot.updatedAt());
    }

    private static Line line(CartSnapshot.Line line, ProductCopy product, int maxQuantityPerLine) {
        if (product == null) {
            return new Line(line.productId(), null, null, null, line.quantity(), null, line.note(), 0, 0, LineProblem.UNAVAILABLE);
        }
        BigDecimal price = Money.of(product.price());
        if (product.deleted()) {
            return new Line(line.productId(), product.name(), product.thumbnailUrl(), price, line.quantity(), null, line.note(), 0, 0,
                    LineProblem.UNAVAILABLE);
        }
        int stock = product.stock();
        LineProblem problem = stock == 0 ? LineProblem.OUT_OF_STOCK : line.quantity() > stock ? LineProblem.EXCEEDS_STOCK : null;
        return new Line(line.productId(), product.name(), product.thumbnailUrl(), price, line.quantity(), Money.times(price, line.quantity()),
                line.note(), stock, Math.min(maxQuantityPerLine, stock), problem);
    }
}
