package dev.eshop.platform.events.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.list;
import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.required;

/** What one warehouse ships for an order, and what that costs. */
public record Shipment(
        UUID warehouseId,
        String warehouseName,
        String fromZip,
        int vehicles,
        BigDecimal shippingCost,
        List<Item> items) {

    public Shipment {
        required(warehouseId, "shipments[].warehouse_id");
        required(fromZip, "shipments[].from_zip");
        shippingCost = money(shippingCost, "shipments[].shipping_cost");
        items = list(items, "shipments[].items");
    }

    public record Item(UUID productId, int quantity) {

        public Item {
            required(productId, "shipments[].items[].product_id");
        }
    }
}
