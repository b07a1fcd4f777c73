package dev.eshop.admin.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One order as admins see it (services.md §4.2): lines, shipments, address, totals, payment, history and what may be done next. */
public record OrderDetail(UUID id, UUID userId, String customerEmail, String customerName, String status, Integer version,
                          List<Line> lines, List<Shipment> shipments, Address address, BigDecimal subtotal, BigDecimal shippingTotal,
                          BigDecimal total, Instant paymentDueAt, Long paymentSecondsLeft, PaymentRef payment, List<Change> history,
                          List<String> allowedActions, Instant createdAt, Instant updatedAt, Instant paidAt, Instant shippedAt,
                          Instant deliveredAt) {

    public OrderDetail {
        lines = lines == null ? List.of() : lines;
        shipments = shipments == null ? List.of() : shipments;
        history = history == null ? List.of() : history;
        allowedActions = allowedActions == null ? List.of() : allowedActions;
    }

    public record Line(UUID productId, String sku, String productName, String categoryName, String imageUrl, int quantity,
                       BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record Shipment(UUID warehouseId, String warehouseName, String fromZip, int vehicles, BigDecimal shippingCost) {
    }

    public record Address(String street, String city, String state, String zipCode, String note) {
    }

    public record PaymentRef(UUID paymentId, String status, String adminNote, Instant updatedAt) {
    }

    /** One step of the timeline; {@code actor_name} is who acted, for an admin or a customer. */
    public record Change(String fromStatus, String toStatus, String reason, String note, String actorRole, String actorName, Instant at) {

        /** "Ada Admin (admin)", "Carl Customer (customer)", "System". */
        public String actor() {
            if (actorRole == null || actorRole.equals("SYSTEM")) {
                return "System";
            }
            String role = actorRole.toLowerCase(java.util.Locale.ROOT);
            return actorName == null || actorName.isBlank() ? role.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + role.substring(1)
                    : actorName + " (" + role + ")";
        }
    }

    public boolean canShip() {
        return allowedActions.contains("SHIP");
    }

    public boolean canMarkDelivered() {
        return allowedActions.contains("MARK_DELIVERED");
    }
}
