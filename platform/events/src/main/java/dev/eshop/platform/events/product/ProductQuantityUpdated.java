package dev.eshop.platform.events.product;

import dev.eshop.platform.events.Event;

import java.time.Instant;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.notNegative;
import static dev.eshop.platform.events.EventFields.required;

/** Units available across all warehouses after a stock change; {@code stockVersion} grows by one per change. */
public record ProductQuantityUpdated(
        UUID productId,
        int quantity,
        StockChangeCause cause,
        long stockVersion,
        Instant changedAt) implements Event {

    public ProductQuantityUpdated {
        required(productId, "product_id");
        notNegative(quantity, "quantity");
        required(cause, "cause");
        required(changedAt, "changed_at");
    }

    @Override
    public UUID subject() {
        return productId;
    }
}
