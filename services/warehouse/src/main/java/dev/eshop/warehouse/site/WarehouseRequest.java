package dev.eshop.warehouse.site;

import dev.eshop.platform.web.ZipCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The fields of a warehouse an admin sets, when creating and when editing it. */
record WarehouseRequest(@NotBlank @Size(max = 100) String name,
                        @NotBlank @Size(max = 200) String street,
                        @NotBlank @Size(max = 100) String city,
                        @NotBlank @Size(max = 100) String state,
                        @ZipCode String zipCode) {
}
