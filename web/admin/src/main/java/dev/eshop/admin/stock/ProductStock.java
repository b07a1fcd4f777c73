package dev.eshop.admin.stock;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A product's stock (services.md §6.4): units still for sale across warehouses ({@code total}),
 * units held by unpaid orders ({@code reserved}) and where the units are.
 */
public record ProductStock(UUID productId, String sku, String productName, int total, int reserved, boolean lowStock, boolean deleted,
                           List<Place> warehouses) {

    public ProductStock {
        warehouses = warehouses == null ? List.of() : warehouses;
    }

    public record Place(UUID warehouseId, String warehouseName, int quantity) {
    }

    /** The units in one warehouse (0 where it has none). */
    public int in(UUID warehouseId) {
        return at(warehouseId).map(Place::quantity).orElse(0);
    }

    public Optional<Place> at(UUID warehouseId) {
        return warehouses.stream().filter(place -> place.warehouseId().equals(warehouseId)).findFirst();
    }

    /** "SKU-7Q2M4K9D · Honda CB650R", as the product pickers show it. */
    public String label() {
        return sku + " · " + productName;
    }
}
