package dev.eshop.product.catalogue;

import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.SortOrder;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.ForbiddenException;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import dev.eshop.platform.web.security.CurrentUser;
import dev.eshop.product.catalogue.ProductRequests.Lookup;
import dev.eshop.product.catalogue.ProductRequests.NewProduct;
import dev.eshop.product.catalogue.ProductRequests.ProductChange;
import dev.eshop.product.catalogue.ProductViews.BrandFacet;
import dev.eshop.product.catalogue.ProductViews.Facets;
import dev.eshop.product.catalogue.ProductViews.LookupResult;
import dev.eshop.product.catalogue.ProductViews.ProductDetail;
import dev.eshop.product.catalogue.ProductViews.ProductSummary;
import dev.eshop.product.catalogue.ProductViews.Republished;
import dev.eshop.product.category.Categories;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@RestController
class ProductController {

    private final Catalogue catalogue;
    private final Categories categories;

    ProductController(Catalogue catalogue, Categories categories) {
        this.catalogue = catalogue;
        this.categories = categories;
    }

    /** The catalogue listing: {@code q} (every word a substring of name, brand or description), filters, sort, paging. */
    @GetMapping("/v1/products")
    PageResult<ProductSummary> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(name = "min_price", required = false) BigDecimal minPrice,
            @RequestParam(name = "max_price", required = false) BigDecimal maxPrice,
            @RequestParam(required = false) List<String> brand,
            @RequestParam(name = "year_min", required = false) Integer yearMin,
            @RequestParam(name = "year_max", required = false) Integer yearMax,
            @RequestParam(name = "in_stock", required = false) Boolean inStock,
            @RequestParam(name = "include_deleted", required = false, defaultValue = "false") boolean includeDeleted,
            @Sortable(value = {"created_at", "price", "name"}, byDefault = "created_at,desc") PageQuery page) {
        ProductSearch search = search(q, category, minPrice, maxPrice, brand, yearMin, yearMax, inStock, includeDeleted, page.sort());
        ProductStore.Page found = catalogue.search(search, page.offset(), page.limit());
        return PageResult.of(catalogue.summaries(found.items()), page, found.total());
    }

    /** Brands, price and year bounds over the products the same filters (without brand and years) match. */
    @GetMapping("/v1/products/facets")
    Facets facets(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(name = "min_price", required = false) BigDecimal minPrice,
            @RequestParam(name = "max_price", required = false) BigDecimal maxPrice,
            @RequestParam(name = "in_stock", required = false) Boolean inStock) {
        ProductSearch search = search(q, category, minPrice, maxPrice, null, null, null, inStock, false, null);
        ProductStore.Facets facets = catalogue.facets(search);
        return new Facets(facets.brands().stream().map(b -> new BrandFacet(b.name(), b.count())).toList(), facets.priceMin(),
                facets.priceMax(), facets.yearMin(), facets.yearMax());
    }

    @GetMapping("/v1/products/{id}")
    ProductDetail get(@PathVariable UUID id) {
        return catalogue.get(id);
    }

    @PostMapping("/v1/products")
    @Idempotent
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProductDetail> create(@Valid @RequestBody NewProduct request) {
        ProductDetail created = catalogue.create(request);
        return ResponseEntity.created(URI.create("/v1/products/" + created.id())).body(created);
    }

    @PutMapping("/v1/products/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ProductDetail update(@PathVariable UUID id, @Valid @RequestBody ProductChange request) {
        return catalogue.update(id, request);
    }

    @DeleteMapping("/v1/products/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        catalogue.delete(id);
    }

    /** Authoritative names, prices and availability for checkout (order service) and admins. */
    @PostMapping("/v1/products/lookup")
    @PreAuthorize("hasAuthority('SCOPE_products.read') or hasRole('ADMIN')")
    LookupResult lookup(@Valid @RequestBody Lookup request) {
        return catalogue.lookup(request.ids());
    }

    /** Writes one {@code product-updated} per live and one {@code product-deleted} per deleted product, to rebuild consumers. */
    @PostMapping("/v1/products/republish")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Republished republish() {
        return new Republished(catalogue.republish());
    }

    private ProductSearch search(String q, String category, BigDecimal minPrice, BigDecimal maxPrice, List<String> brands,
                                 Integer yearMin, Integer yearMax, Boolean inStock, boolean includeDeleted, SortOrder sort) {
        List<FieldViolation> errors = new ArrayList<>();
        List<String> words = List.of();
        if (q != null && !q.isBlank()) {
            if (q.strip().length() > 100) {
                errors.add(new FieldViolation("q", "size must be at most 100"));
            }
            words = Arrays.stream(q.strip().toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
            if (words.size() > 10) {
                errors.add(new FieldViolation("q", "may have at most 10 words"));
            }
        }
        if (minPrice != null && minPrice.signum() < 0) {
            errors.add(new FieldViolation("min_price", "must be greater than or equal to 0"));
        }
        if (maxPrice != null && maxPrice.signum() < 0) {
            errors.add(new FieldViolation("max_price", "must be greater than or equal to 0"));
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldViolation("min_price", "must not be greater than max_price"));
        }
        if (yearMin != null && yearMax != null && yearMin > yearMax) {
            errors.add(new FieldViolation("year_min", "must not be greater than year_max"));
        }
        Set<UUID> categoryIds = null;
        if (category != null && !category.isBlank()) {
            categoryIds = categories.withChildren(category.strip()).orElse(null);
            if (categoryIds == null) {
                errors.add(new FieldViolation("category", "names no category"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        if (includeDeleted && !CurrentUser.isAdmin()) {
            CurrentUser.subject(); // no token: 401, like any endpoint that needs one
            throw new ForbiddenException("Only an admin may list deleted products.");
        }
        Set<String> brandSet = new LinkedHashSet<>();
        if (brands != null) {
            brands.stream().filter(b -> !b.isBlank()).map(b -> b.strip().toLowerCase(Locale.ROOT)).forEach(brandSet::add);
        }
        return new ProductSearch(words, categoryIds, minPrice, maxPrice, brandSet, yearMin, yearMax, inStock, includeDeleted,
                sort(sort));
    }

    private static ProductSearch.Sort sort(SortOrder order) {
        if (order == null) {
            return ProductSearch.Sort.NEWEST;
        }
        return switch (order.toString()) {
            case "created_at,desc" -> ProductSearch.Sort.NEWEST;
            case "price,asc" -> ProductSearch.Sort.PRICE_ASC;
            case "price,desc" -> ProductSearch.Sort.PRICE_DESC;
            case "name,asc" -> ProductSearch.Sort.NAME_ASC;
            case "name,desc" -> ProductSearch.Sort.NAME_DESC;
            default -> throw new MalformedRequestException("The query parameter 'sort' must be one of created_at,desc, price,asc, "
                    + "price,desc, name,asc or name,desc (got '" + order + "').");
        };
    }
}
