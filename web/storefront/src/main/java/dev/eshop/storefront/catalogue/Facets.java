package dev.eshop.storefront.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the products matching the search have: brands with counts, and the price and year bounds. */
public record Facets(List<BrandCount> brands, BigDecimal priceMin, BigDecimal priceMax, Integer yearMin, Integer yearMax) {

    public Facets {
        brands = brands == null ? List.of() : brands;
    }

    public static Facets none() {
        return new Facets(List.of(), null, null, null, null);
    }

    public record BrandCount(String name, long count) {

        /** The id of the brand's checkbox: "brand-land-rover". */
        public String inputId() {
            return "brand-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /** The brands to choose from: those the products have, then the chosen ones they have not (0), so each can be unticked. */
    public List<BrandCount> brandsWith(List<String> chosen) {
        List<BrandCount> choices = new ArrayList<>(brands);
        for (String brand : chosen) {
            if (brands.stream().noneMatch(known -> known.name().equalsIgnoreCase(brand))) {
                choices.add(new BrandCount(brand, 0));
            }
        }
        return choices;
    }
}
