package dev.eshop.cart.cart;

import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /v1/carts/me/lines/{product_id}}: a new quantity, a new note, or both.
 *
 * @param quantity the line's new quantity; unchanged when absent
 * @param note     the line's new note; unchanged when absent, cleared by an empty string
 */
record ChangeLineRequest(Integer quantity, @Size(max = 200) String note) {
}
