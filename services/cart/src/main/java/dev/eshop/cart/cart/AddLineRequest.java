package dev.eshop.cart.cart;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * {@code POST /v1/carts/me/lines}: the client sends only which product, how many and a note; name, price
 * and image come from the product events.
 *
 * @param quantity units to add (1 when absent); added to the line if the product is already in the cart
 * @param note     replaces the line's note when given (an empty string clears it)
 */
record AddLineRequest(@NotNull UUID productId, Integer quantity, @Size(max = 200) String note) {
}
