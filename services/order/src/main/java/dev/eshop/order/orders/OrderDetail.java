package dev.eshop.order.orders;

import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One order as its owner and admins see it (spec/services.md §4.2). */
public record OrderDetail(
        UUID id,
        UUID userId,
        String customerEmail,
        String customerName,
        OrderStatus status,
        String currency,
        int version,
        List<LineView> lines,
        List<ShipmentView> shipments,
        Order.Address address,
        BigDecimal subtotal,
        BigDecimal shippingTotal,
        BigDecimal total,
        Instant paymentDueAt,
        Long paymentSecondsLeft,
        PaymentView payment,
        List<HistoryView> history,
        List<AllowedAction> allowedActions,
        Instant createdAt,
        Instant updatedAt,
        Instant paidAt,
        Instant shippedAt,
        Instant deliveredAt) {

    public record LineView(UUID productId, String sku, String productName, String categoryName, String imageUrl, int quantity,
                           BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record ShipmentView(UUID warehouseId, String warehouseName, String fromZip, int vehicles, BigDecimal shippingCost,
                               List<ItemView> items) {
    }

    public record ItemView(UUID productId, String productName, int quantity) {
    }

    public record PaymentView(UUID paymentId, String status, String adminNote, Instant updatedAt) {
    }

    public record HistoryView(OrderStatus fromStatus, OrderStatus toStatus, String reason, String note, ChangedByRole actorRole,
                              String actorName, Instant at) {
    }

    /** What the caller may do next with the order: the storefront and admin app show these buttons. */
    public enum AllowedAction { CANCEL, UPLOAD_PAYMENT, CONFIRM_DELIVERY, SHIP, MARK_DELIVERED }
}
