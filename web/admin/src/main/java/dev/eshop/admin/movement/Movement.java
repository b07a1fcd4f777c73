package dev.eshop.admin.movement;

import java.time.Instant;
import java.util.UUID;

/** A line of the stock ledger (services.md §6.4). */
public record Movement(UUID id, String type, UUID productId, String sku, String productName, int quantity, UUID fromWarehouseId,
                       String fromWarehouseName, UUID toWarehouseId, String toWarehouseName, UUID orderId, UUID actorId,
                       String actorName, String note, Instant createdAt) {

    /** The ledger's words for a type (spec/ui.md §0.3). */
    public static String label(String type) {
        return switch (type == null ? "" : type) {
            case "INITIAL" -> "Initial stock";
            case "RESTOCK" -> "Restock";
            case "TRANSFER" -> "Transfer";
            case "RESERVE" -> "Reserved for order";
            case "RELEASE" -> "Released from order";
            default -> type;
        };
    }

    public String typeLabel() {
        return label(type);
    }

    /** Who moved the units: the admin's name, "Customer" for a reservation, "System" otherwise. */
    public String by() {
        if (actorName != null && !actorName.isBlank()) {
            return actorName;
        }
        return "RESERVE".equals(type) ? "Customer" : "System";
    }
}
