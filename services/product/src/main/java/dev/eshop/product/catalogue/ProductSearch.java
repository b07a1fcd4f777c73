package dev.eshop.product.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What a listing asks for, already checked: every field optional, all combined with AND.
 *
 * @param words          lower-cased words of {@code q}; each must be a substring of name, brand or description, or equal the SKU
 * @param categoryIds    the category and, for a top category, its children; {@code null} = any
 * @param brands         lower-cased; any of them (OR); empty = any
 * @param includeDeleted ADMIN only
 */
public record ProductSearch(
        List<String> words,
        Set<UUID> categoryIds,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Set<String> brands,
        Integer yearMin,
        Integer yearMax,
        Boolean inStock,
        boolean includeDeleted,
        Sort sort) {

    public ProductSearch {
        words = words == null ? List.of() : List.copyOf(words);
        brands = brands == null ? Set.of() : Set.copyOf(brands);
        sort = sort == null ? Sort.NEWEST : sort;
    }

    public static ProductSearch all() {
        return new ProductSearch(null, null, null, null, null, null, null, null, false, Sort.NEWEST);
    }

    public enum Sort {
        NEWEST, PRICE_ASC, PRICE_DESC, NAME_ASC, NAME_DESC
    }

    /** The same test both stores' queries make, for stores that filter in memory (and for tests). */
    public boolean matches(Product product) {
        if (product.deleted() && !includeDeleted) {
            return false;
        }
        for (String word : words) {
            if (!product.searchText().contains(word) && !product.sku().toLowerCase(Locale.ROOT).equals(word)) {
                return false;
            }
        }
        if (categoryIds != null && !categoryIds.contains(product.categoryId())) {
            return false;
        }
        if (minPrice != null && product.price().compareTo(minPrice) < 0) {
            return false;
        }
        if (maxPrice != null && product.price().compareTo(maxPrice) > 0) {
            return false;
        }
        if (!brands.isEmpty() && (product.brand() == null || !brands.contains(product.brand().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (yearMin != null && (product.year() == null || product.year() < yearMin)) {
            return false;
        }
        if (yearMax != null && (product.year() == null || product.year() > yearMax)) {
            return false;
        }
        return inStock == null || inStock == (product.stock() > 0);
    }

    public ProductSearch withoutBrandAndYear() {
        return new ProductSearch(words, categoryIds, minPrice, maxPrice, null, null, null, inStock, includeDeleted, sort);
    }
}
