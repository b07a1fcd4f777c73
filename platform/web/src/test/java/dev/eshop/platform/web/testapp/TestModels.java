package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.Amount;
import dev.eshop.platform.web.ZipCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the test service. */
final class TestModels {

    private TestModels() {
    }

    enum Kind { CAR, MOTORCYCLE }

    enum Status { PENDING, SHIPPED }

    record Address(@NotBlank String street,
                   @ZipCode String zipCode) {
    }

    record Line(@NotNull UUID productId, @Min(1) int quantity, @NotNull @Amount BigDecimal unitPrice) {
    }

    record CreateOrder(@NotBlank String customerName, @NotNull @Valid Address address,
                       @NotEmpty List<@Valid Line> lines, @NotNull Kind kind) {
    }

    record OrderView(UUID id, String customerName, Kind kind, BigDecimal total, Instant createdAt, List<Line> lines) {
    }

    record UpdateOrder(long version) {
    }

    record NewWarehouse(@NotBlank String name) {
    }

    record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    record Product(UUID id, String name, BigDecimal price) {
    }
}
