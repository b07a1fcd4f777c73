package dev.eshop.order.checkout;

import dev.eshop.platform.web.Amount;
import dev.eshop.platform.web.ZipCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The checkout requests. Only product ids and quantities are read from a line: prices, names and
 * totals always come from the product service, so a client sending {@code price} or {@code total}
 * changes nothing (unknown fields are ignored). The limits on the number of lines and on quantities
 * are settings ({@code eshop.order.max-lines}, {@code max-quantity-per-line}), checked by {@link CheckoutValidation}.
 */
final class CheckoutRequests {

    private CheckoutRequests() {
    }

    record LineRequest(@NotNull UUID productId, @NotNull Integer quantity) {
    }

    record AddressRequest(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
                          @NotBlank @Size(max = 100) String state, @ZipCode String zipCode, @Size(max = 500) String note) {
    }

    /** {@code POST /v1/orders/quote}. */
    record QuoteRequest(@NotEmpty List<@NotNull @Valid LineRequest> lines, @ZipCode String zipCode) {
    }

    /** {@code POST /v1/orders}, sent by the cart service for the customer named in it. */
    record CreateOrderRequest(@NotNull UUID userId, @NotBlank @Size(max = 254) String customerEmail,
                              @NotBlank @Size(max = 100) String customerName, @NotEmpty List<@NotNull @Valid LineRequest> lines,
                              @NotNull @Valid AddressRequest address, @Amount BigDecimal expectedTotal) {
    }
}
