package dev.eshop.cart.catalogue;

import java.util.List;
import java.util.UUID;

/** What carts do when a product is deleted; implemented by the cart feature, called in the event's transaction. */
public interface ProductWithdrawal {

    /** A cart that held the product, and its version after the product's line was removed. */
    record ChangedCart(UUID userId, long version) {
    }

    /** Removes the product's line from every cart (in MySQL, in the caller's transaction); returns the carts changed. */
    List<ChangedCart> removeFromEveryCart(UUID productId);
}
