package dev.eshop.admin.stock;

import java.time.Instant;
import java.util.UUID;

/** One warehouse's units of one product (services.md §6.4). */
public record StockRow(UUID warehouseId, String warehouseName, UUID productId, String sku, String productName, int quantity,
                       boolean lowStock, Instant updatedAt) {
}
