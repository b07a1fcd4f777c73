package dev.eshop.cart.cart;

import dev.eshop.cart.catalogue.ProductWithdrawal;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A deleted product leaves every cart (events.md §3.3): in the event's transaction, each affected cart is
 * locked and counted as changed (in id order, so two deletions never deadlock), then the lines go.
 * New lines for the product cannot appear meanwhile: adding one holds a shared lock on the product's copy,
 * which the deletion holds exclusively.
 */
@Component
class CartWithdrawal implements ProductWithdrawal {

    private final CartRepository carts;

    CartWithdrawal(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public List<ChangedCart> removeFromEveryCart(UUID productId) {
        List<UUID> holders = carts.holders(productId);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        holders.forEach(userId -> carts.lockForChange(userId, now));
        carts.deleteProduct(productId);
        return holders.stream().map(userId -> new ChangedCart(userId, carts.version(userId))).toList();
    }
}
