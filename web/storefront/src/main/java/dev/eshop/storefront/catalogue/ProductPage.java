package dev.eshop.storefront.catalogue;

import java.util.List;

/** One page of product's list: {@code {items, page, size, total}}. */
public record ProductPage(List<ProductSummary> items, int page, int size, long total) {

    public ProductPage {
        items = items == null ? List.of() : items;
    }
}
