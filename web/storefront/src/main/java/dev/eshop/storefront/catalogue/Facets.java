package dev.eshop.storefront.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** What the products matching the search have: brands with counts, and the price and year bounds. */
public record Facets(List<BrandCount> brands, BigDecimal priceMin, BigDecimal priceMax, Integer yearMin, Integer yearMax) {

    public Facets {
        brands = brands == null ? List.of() : brands;
    }

    public static Facets none() {
        return new Facets(List.of(), null, null, null, null);
    }

    public record BrandCount(String name, long count) {
    }
}
