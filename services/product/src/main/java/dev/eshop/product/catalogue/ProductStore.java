package dev.eshop.product.catalogue;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where products live: PostgreSQL ({@link PostgresProductStore}, the default) or DynamoDB
 * ({@code eshop.product.store=dynamodb}). Each change is written together with the event it causes,
 * atomically: in PostgreSQL in one transaction with the outbox row, in DynamoDB in one conditional
 * write of the product item carrying the event. Both pass {@code CatalogueContractTest}.
 */
public interface ProductStore {

    /** Stores a new product and its {@code product-created}; {@link SkuTakenException} when the SKU exists. */
    void insert(Product product, Event event);

    /**
     * Replaces the product whose stored version is {@code expectedVersion} and records the event
     * (or none); {@code false} when the stored version is another (someone changed it meanwhile).
     */
    boolean update(Product product, long expectedVersion, Event event);

    Optional<Product> find(UUID id);

    List<Product> findAll(Collection<UUID> ids);

    Page search(ProductSearch search, long offset, int limit);

    Facets facets(ProductSearch search);

    /** Products in each category (deleted ones too when asked). */
    Map<UUID, Long> countByCategory(boolean includeDeleted);

    /** Records one event per product, made by {@code eventOf}, without changing any product; returns how many. */
    int republish(java.util.function.Function<Product, Event> eventOf);

    record Page(List<Product> items, long total) {
    }

    record BrandCount(String name, long count) {
    }

    record Facets(List<BrandCount> brands, BigDecimal priceMin, BigDecimal priceMax, Integer yearMin, Integer yearMax) {
    }

    /** The generated SKU exists already; the caller draws another. */
    class SkuTakenException extends RuntimeException {
        public SkuTakenException(String sku) {
            super(sku, null, false, false);
        }
    }
}
