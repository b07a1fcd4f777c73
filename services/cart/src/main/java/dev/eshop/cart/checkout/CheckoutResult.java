package dev.eshop.cart.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The answer of a checkout (201): the order that was placed, for the storefront to go straight to it. */
record CheckoutResult(UUID orderId, String status, BigDecimal total, Instant paymentDueAt) {
}
