package dev.eshop.storefront.catalogue;

import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A catalogue search as the page's GET parameters hold it (spec/ui.md §1.4): {@code q},
 * {@code category} (a slug), {@code min_price}, {@code max_price}, {@code brand} (repeatable),
 * {@code year_min}, {@code year_max}, {@code in_stock}, {@code sort} and {@code page} (from 1). A
 * number that cannot be read is left out of the search and reported next to its field; the text as
 * typed stays in the form.
 */
public record CatalogueQuery(String q, String category, UUID categoryId, BigDecimal minPrice, BigDecimal maxPrice, List<String> brands,
                             Integer yearMin, Integer yearMax, boolean inStock, Sort sort, int page, Map<String, String> typed,
                             FormErrors errors) {

    /** The sort options, as the page names them and as product's API does. */
    public enum Sort {
        NEWEST("newest", "created_at,desc", "Newest"),
        PRICE_ASC("price-asc", "price,asc", "Price: low to high"),
        PRICE_DESC("price-desc", "price,desc", "Price: high to low"),
        NAME("name", "name,asc", "Name: A–Z");

        private final String param;
        private final String api;
        private final String label;

        Sort(String param, String api, String label) {
            this.param = param;
            this.api = api;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String api() {
            return api;
        }

        public String label() {
            return label;
        }

        static Sort of(String param) {
            return Arrays.stream(values()).filter(sort -> sort.param.equals(param)).findFirst().orElse(NEWEST);
        }
    }

    /** A removable active filter: "Brand: Honda ✕", a link to the same search without it. */
    public record Chip(String label, String href) {
    }

    /** The field labels of the filter form, which also start the messages about them. */
    static final Map<String, String> LABELS = Map.of("q", "Search", "category", "Category", "min_price", "Price from",
            "max_price", "Price to", "year_min", "Year from", "year_max", "Year to", "brand", "Brand");

    public CatalogueQuery {
        brands = List.copyOf(brands);
        typed = Map.copyOf(typed);
    }

    /** Reads the parameters; {@code fixedCategory} is the category of a category page (its slug), else null. */
    public static CatalogueQuery from(MultiValueMap<String, String> params, String fixedCategory) {
        FormErrors errors = FormErrors.none();
        Map<String, String> typed = new HashMap<>();
        String q = text(params.getFirst("q"));
        String category = fixedCategory != null ? fixedCategory : text(params.getFirst("category"));
        BigDecimal minPrice = price(params, "min_price", typed, errors);
        BigDecimal maxPrice = price(params, "max_price", typed, errors);
        Integer yearMin = year(params, "year_min", typed, errors);
        Integer yearMax = year(params, "year_max", typed, errors);
        List<String> brands = params.getOrDefault("brand", List.of()).stream().map(CatalogueQuery::text).filter(Objects::nonNull)
                .distinct().toList();
        boolean inStock = List.of("true", "on", "1").contains(String.valueOf(params.getFirst("in_stock")));
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(String.valueOf(params.getFirst("page")).strip()));
        }
        catch (NumberFormatException ignored) {
            // no page, or not a number: the first
        }
        return new CatalogueQuery(q, category, null, minPrice, maxPrice, brands, yearMin, yearMax, inStock,
                Sort.of(params.getFirst("sort")), page, typed, errors);
    }

    /** The same search for the category with this id (product filters by id; the links keep the slug). */
    public CatalogueQuery inCategory(UUID id) {
        return new CatalogueQuery(q, category, id, minPrice, maxPrice, brands, yearMin, yearMax, inStock, sort, page, typed, errors);
    }

    /** The filters as product's query parameters; facets leave out brand and years. */
    UriBuilder apply(UriBuilder builder, boolean withBrandAndYears) {
        if (q != null) {
            builder.queryParam("q", q);
        }
        if (categoryId != null || category != null) {
            builder.queryParam("category", categoryId != null ? categoryId : category);
        }
        if (minPrice != null) {
            builder.queryParam("min_price", minPrice.toPlainString());
        }
        if (maxPrice != null) {
            builder.queryParam("max_price", maxPrice.toPlainString());
        }
        if (inStock) {
            builder.queryParam("in_stock", true);
        }
        if (withBrandAndYears) {
            brands.forEach(brand -> builder.queryParam("brand", brand));
            if (yearMin != null) {
                builder.queryParam("year_min", yearMin);
            }
            if (yearMax != null) {
                builder.queryParam("year_max", yearMax);
            }
        }
        return builder;
    }

    /** What the form shows in a field: the text as typed, or the value searched for. */
    public String value(String field) {
        if (typed.containsKey(field)) {
            return typed.get(field);
        }
        return switch (field) {
            case "q" -> q;
            case "min_price" -> minPrice == null ? null : minPrice.toPlainString();
            case "max_price" -> maxPrice == null ? null : maxPrice.toPlainString();
            case "year_min" -> yearMin == null ? null : yearMin.toString();
            case "year_max" -> yearMax == null ? null : yearMax.toString();
            default -> null;
        };
    }

    public boolean hasBrand(String brand) {
        return brands.stream().anyMatch(brand::equalsIgnoreCase);
    }

    /** This search on {@code path} (without the page number). */
    public String href(String path) {
        return link(path, parameters(path), null);
    }

    /** Page {@code number} (from 1) of this search on {@code path}. */
    public String pageHref(String path, int number) {
        return link(path, parameters(path), number);
    }

    /** The active filters, each a link to the search without it; {@code categoryName} labels the category filter of /products. */
    public List<Chip> chips(String path, String categoryName, Formats fmt) {
        List<Chip> chips = new ArrayList<>();
        if (q != null) {
            chips.add(without(path, "Search: " + q, "q", null));
        }
        if (category != null && path.equals("/products")) {
            chips.add(without(path, "Category: " + (categoryName != null ? categoryName : category), "category", null));
        }
        if (minPrice != null) {
            chips.add(without(path, "Price from: " + fmt.money(minPrice), "min_price", null));
        }
        if (maxPrice != null) {
            chips.add(without(path, "Price to: " + fmt.money(maxPrice), "max_price", null));
        }
        for (String brand : brands) {
            chips.add(without(path, "Brand: " + brand, "brand", brand));
        }
        if (yearMin != null) {
            chips.add(without(path, "Year from: " + yearMin, "year_min", null));
        }
        if (yearMax != null) {
            chips.add(without(path, "Year to: " + yearMax, "year_max", null));
        }
        if (inStock) {
            chips.add(without(path, "In stock only", "in_stock", null));
        }
        return chips;
    }

    private Chip without(String path, String label, String name, String value) {
        MultiValueMap<String, String> parameters = parameters(path);
        if (value == null) {
            parameters.remove(name);
        }
        else {
            List<String> rest = new ArrayList<>(parameters.getOrDefault(name, List.of()));
            rest.remove(value);
            parameters.put(name, rest);
        }
        return new Chip(label, link(path, parameters, null));
    }

    private MultiValueMap<String, String> parameters(String path) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (q != null) {
            parameters.add("q", q);
        }
        if (category != null && path.equals("/products")) {
            parameters.add("category", category);
        }
        if (minPrice != null) {
            parameters.add("min_price", minPrice.toPlainString());
        }
        if (maxPrice != null) {
            parameters.add("max_price", maxPrice.toPlainString());
        }
        brands.forEach(brand -> parameters.add("brand", brand));
        if (yearMin != null) {
            parameters.add("year_min", yearMin.toString());
        }
        if (yearMax != null) {
            parameters.add("year_max", yearMax.toString());
        }
        if (inStock) {
            parameters.add("in_stock", "true");
        }
        if (sort != Sort.NEWEST) {
            parameters.add("sort", sort.param());
        }
        return parameters;
    }

    private static String link(String path, MultiValueMap<String, String> parameters, Integer page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, values) -> values.forEach(value -> link.queryParam(name, value)));
        if (page != null && page > 1) {
            link.queryParam("page", page);
        }
        return link.encode().build().toUriString();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A price as typed: "70000", "70,000.00", "$70,000"; anything else is reported. */
    private static BigDecimal price(MultiValueMap<String, String> params, String field, Map<String, String> typed, FormErrors errors) {
        String value = text(params.getFirst(field));
        if (value == null) {
            return null;
        }
        String plain = value.replace("$", "").replace(",", "").strip();
        if (plain.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return new BigDecimal(plain);
        }
        typed.put(field, value);
        errors.field(field, "Enter a price like 70000.");
        return null;
    }

    private static Integer year(MultiValueMap<String, String> params, String field, Map<String, String> typed, FormErrors errors) {
        String value = text(params.getFirst(field));
        if (value == null) {
            return null;
        }
        if (value.matches("\\d{4}")) {
            return Integer.valueOf(value);
        }
        typed.put(field, value);
        errors.field(field, "Enter a year like 2024.");
        return null;
    }
}
