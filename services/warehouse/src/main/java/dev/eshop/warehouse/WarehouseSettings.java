package dev.eshop.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshop.warehouse.*}.
 *
 * @param lowStockThreshold   units below which a product's total (or one stock row) is low
 * @param maxMovementQuantity the largest quantity of one transfer or restock
 */
@ConfigurationProperties("eshop.warehouse")
public record WarehouseSettings(@DefaultValue("5") int lowStockThreshold, @DefaultValue("10000") int maxMovementQuantity) {
}
