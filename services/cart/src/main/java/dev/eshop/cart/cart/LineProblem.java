package dev.eshop.cart.cart;

/** Why a cart line cannot be checked out as it is (spec/services.md §3.3); lines are flagged, never changed silently. */
public enum LineProblem {
    /** The product has no stock left. */
    OUT_OF_STOCK,
    /** The line asks for more units than the product has in stock. */
    EXCEEDS_STOCK,
    /** The product is deleted or unknown. */
    UNAVAILABLE
}
