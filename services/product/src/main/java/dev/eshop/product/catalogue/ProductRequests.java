package dev.eshop.product.catalogue;

import dev.eshop.platform.web.Amount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the product endpoints. */
public final class ProductRequests {

    private ProductRequests() {
    }

    /** {@code POST /v1/products}. */
    public record NewProduct(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 5000) String description,
            @NotNull @DecimalMin("0.01") @DecimalMax("10000000.00") @Amount BigDecimal price,
            @NotNull UUID categoryId,
            @NotNull Map<String, Object> attributes,
            @Min(0) @Max(10_000) Integer initialQuantity) {
    }

    /** {@code PUT /v1/products/{id}}: the whole editable state and the version it was read at. */
    public record ProductChange(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 5000) String description,
            @NotNull @DecimalMin("0.01") @DecimalMax("10000000.00") @Amount BigDecimal price,
            @NotNull UUID categoryId,
            @NotNull Map<String, Object> attributes,
            @NotNull Long version) {
    }

    /** {@code POST /v1/products/lookup}. */
    public record Lookup(@NotEmpty @Size(max = 100) List<@NotNull UUID> ids) {
    }
}
