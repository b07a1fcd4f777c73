package dev.eshop.storefront.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What an order would cost now (services.md §4.2): each line at its current price, each shipment, the totals. */
public record Quote(List<Line> lines, List<Shipment> shipments, BigDecimal subtotal, BigDecimal shippingTotal, BigDecimal total) {

    public Quote {
        lines = lines == null ? List.of() : lines;
        shipments = shipments == null ? List.of() : shipments;
    }

    public record Line(UUID productId, String productName, String imageUrl, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record Shipment(String warehouseName, int vehicles, BigDecimal shippingCost) {
    }
}
