package dev.eshop.cart.checkout;

import dev.eshop.platform.web.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checkout of the caller's cart (CUSTOMER, Idempotency-Key required). */
@RestController
@Tag(name = "Checkout", description = "Turn the signed-in customer's cart into an order")
class CheckoutController {

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @PostMapping(CheckoutAnswers.PATH)
    @Idempotent(required = true)
    @ResponseStatus(HttpStatus.CREATED)
    CheckoutResult checkout(@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody CheckoutRequest request,
                            HttpServletRequest http) {
        return checkout.checkout(idempotencyKey, request, http);
    }
}
