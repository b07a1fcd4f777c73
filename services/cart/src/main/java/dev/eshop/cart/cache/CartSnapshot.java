package dev.eshop.cart.cache;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cart as it is stored, in MySQL ({@code carts} and {@code cart_lines}) and in its Redis hash
 * ({@code cart:{user_id}}): the lines and the version of the cart they belong to.
 *
 * @param version   +1 on every change of the cart (0 for a customer who never had one); a Redis copy
 *                  never replaces a newer one
 * @param updatedAt when the cart last changed; null when it never did
 * @param lines     oldest first
 */
public record CartSnapshot(UUID userId, long version, Instant updatedAt, List<Line> lines) {

    public CartSnapshot {
        lines = List.copyOf(lines);
    }

    /**
     * One line; also the JSON value of its field in the Redis hash:
     * {@code {product_id, quantity, note, added_at, updated_at}}.
     */
    public record Line(UUID productId, int quantity, String note, Instant addedAt, Instant updatedAt) {
    }

    public List<UUID> productIds() {
        return lines.stream().map(Line::productId).toList();
    }
}
