package dev.eshop.order.checkout;

import dev.eshop.order.orders.OrderDetail;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an order would cost now (spec/services.md §4.2): each line at its current price, each
 * shipment with its cost, and the totals. Also the {@code quote} member of a {@code quote-changed} problem.
 */
public record Quote(List<QuoteLine> lines, List<OrderDetail.ShipmentView> shipments, BigDecimal subtotal,
                    BigDecimal shippingTotal, BigDecimal total, String currency) {

    public record QuoteLine(UUID productId, String productName, String imageUrl, int quantity, BigDecimal unitPrice,
                            BigDecimal lineTotal) {
    }
}
