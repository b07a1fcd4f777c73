package dev.eshop.order.orders;

import dev.eshop.platform.web.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an order (or a quote) costs: its lines at the product service's prices, its shipments as
 * the warehouse allocated them with their shipping costs, and the totals, all {@code BigDecimal}
 * at scale 2. {@code subtotal} = Σ line totals, {@code shippingTotal} = Σ shipment costs,
 * {@code total} = both together.
 */
public record PricedOrder(List<Line> lines, List<Shipment> shipments, BigDecimal subtotal, BigDecimal shippingTotal,
                          BigDecimal total) {

    public static final String CURRENCY = "USD";

    public PricedOrder {
        lines = List.copyOf(lines);
        shipments = List.copyOf(shipments);
    }

    /** Totals computed from the lines and shipments. */
    public static PricedOrder of(List<Line> lines, List<Shipment> shipments) {
        BigDecimal subtotal = Money.sum(lines.stream().map(Line::lineTotal));
        BigDecimal shipping = Money.sum(shipments.stream().map(Shipment::shippingCost));
        return new PricedOrder(lines, shipments, subtotal, shipping, Money.of(subtotal.add(shipping)));
    }

    /** A line as frozen at checkout: name, SKU, category, image and price from the product service. */
    public record Line(UUID productId, String sku, String productName, UUID categoryId, String categoryName, String imageUrl,
                       int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

        public static Line of(UUID productId, String sku, String productName, UUID categoryId, String categoryName,
                              String imageUrl, int quantity, BigDecimal unitPrice) {
            return new Line(productId, sku, productName, categoryId, categoryName, imageUrl, quantity, Money.of(unitPrice),
                    Money.times(unitPrice, quantity));
        }
    }

    /** What one warehouse sends, in {@code vehicles} vehicles (one per unit), and what that costs. */
    public record Shipment(UUID warehouseId, String warehouseName, String fromZip, int vehicles, BigDecimal shippingCost,
                           List<Item> items) {

        public Shipment {
            items = List.copyOf(items);
        }
    }

    public record Item(UUID productId, int quantity) {
    }
}
