package dev.eshop.order.checkout;

import dev.eshop.order.checkout.CheckoutRequests.CreateOrderRequest;
import dev.eshop.order.checkout.CheckoutRequests.QuoteRequest;
import dev.eshop.order.checkout.CheckoutService.Placed;
import dev.eshop.order.orders.OrderDetail;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Quote (a customer, while filling in the checkout page) and checkout (the cart service, with its
 * client-credentials scope {@code orders.create}, on behalf of the customer named in the request).
 * <p>
 * {@code POST /v1/orders} requires {@code Idempotency-Key}; its idempotency is the unique
 * {@code (user_id, idempotency_key)} of the orders themselves (spec §4.1), not the platform's
 * {@code idempotency_record}: a repeat answers 200 with the order already placed, whatever its body.
 */
@RestController
@Tag(name = "Checkout", description = "Quote (CUSTOMER) and place an order (SERVICE orders.create, Idempotency-Key required)")
class CheckoutController {

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @PostMapping("/v1/orders/quote")
    Quote quote(@RequestBody QuoteRequest request) {
        return checkout.quote(request);
    }

    @PostMapping("/v1/orders")
    ResponseEntity<OrderDetail> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                       @RequestBody CreateOrderRequest request) {
        Placed placed = checkout.create(idempotencyKey, request);
        if (!placed.created()) {
            return ResponseEntity.ok(placed.order());
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/v1/orders/" + placed.order().id())).body(placed.order());
    }
}
