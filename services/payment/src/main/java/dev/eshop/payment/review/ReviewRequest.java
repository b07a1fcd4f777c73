package dev.eshop.payment.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/payments/{id}/review}: {@code decision} APPROVED or REJECTED (any other value is a 400),
 * {@code note} up to 500 characters, required when REJECTED (it is shown to the customer).
 */
record ReviewRequest(@NotNull Decision decision, @Size(max = 500) String note) {

    enum Decision { APPROVED, REJECTED }
}
