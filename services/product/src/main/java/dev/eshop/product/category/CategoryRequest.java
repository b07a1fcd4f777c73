package dev.eshop.product.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Body of {@code POST /v1/categories} and {@code PUT /v1/categories/{id}}; {@code slug} is derived from the name when absent. */
public record CategoryRequest(
        @NotBlank @Size(max = 60) String name,
        @Size(min = 1, max = 60) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case letters and digits separated by single hyphens") String slug,
        UUID parentId,
        @PositiveOrZero Integer position) {
}
