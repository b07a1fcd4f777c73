package dev.eshop.cart.checkout;

import dev.eshop.platform.web.Amount;
import dev.eshop.platform.web.ZipCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * {@code POST /v1/carts/checkout}: where to deliver, and the total the customer was shown. The lines are
 * all the lines of the cart.
 *
 * @param expectedTotal optional; when given and the order's total differs, order refuses with 409 {@code quote-changed}
 */
record CheckoutRequest(@NotNull @Valid Address address, @Amount BigDecimal expectedTotal) {

    record Address(@NotBlank @Size(max = 200) String street,
                   @NotBlank @Size(max = 100) String city,
                   @NotBlank @Size(max = 100) String state,
                   @ZipCode String zipCode,
                   @Size(max = 500) String note) {
    }
}
