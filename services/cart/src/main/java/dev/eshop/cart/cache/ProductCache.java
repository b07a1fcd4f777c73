package dev.eshop.cart.cache;

import dev.eshop.cart.CartSettings;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The product copies in Redis: {@code cart-product:{product_id}} → the {@code cart_products} row as JSON.
 * Set after each product event commits; filled (only if absent) by reads that had to go to MySQL. Redis
 * failures never fail a request: a read reports misses, a write falls back to deleting the key, and if
 * that fails too to {@link CacheEvictions}.
 */
@Component
public class ProductCache {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CacheEvictions evictions;
    private final RedisStatus status;
    private final Duration ttl;

    ProductCache(StringRedisTemplate redis, JsonMapper json, CacheEvictions evictions, RedisStatus status, CartSettings settings) {
        this.redis = redis;
        this.json = json;
        this.evictions = evictions;
        this.status = status;
        this.ttl = settings.cacheTtl();
    }

    public static String key(UUID productId) {
        return "cart-product:" + productId;
    }

    /** The cached copies of these products (MGET); what is missing, and everything when Redis fails or copies may be stale, is left out. */
    public Map<UUID, ProductCopy> find(Collection<UUID> productIds) {
        Map<UUID, ProductCopy> found = new HashMap<>();
        if (productIds.isEmpty() || evictions.productsPending()) {
            return found;
        }
        List<UUID> ids = List.copyOf(productIds);
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(ids.stream().map(ProductCache::key).toList());
            status.succeeded();
        }
        catch (RuntimeException e) {
            status.failed("reading products", e);
            return found;
        }
        for (int i = 0; values != null && i < ids.size(); i++) {
            if (values.get(i) != null) {
                found.put(ids.get(i), json.readValue(values.get(i), ProductCopy.class));
            }
        }
        return found;
    }

    /** Stores the copy after a product event committed; if Redis fails, deletes the key, and if that fails, records it for eviction. */
    public void store(ProductCopy product) {
        try {
            redis.opsForValue().set(key(product.productId()), json.writeValueAsString(product), ttl);
            status.succeeded();
        }
        catch (RuntimeException e) {
            status.failed("writing a product", e);
            if (!delete(List.of(product.productId()))) {
                evictions.recordProduct(product.productId());
            }
        }
    }

    /** Caches a copy read from MySQL unless an event has set a (newer) one meanwhile; failures are ignored. */
    public void fill(ProductCopy product) {
        if (evictions.productsPending()) {
            return;
        }
        try {
            redis.opsForValue().setIfAbsent(key(product.productId()), json.writeValueAsString(product), ttl);
            status.succeeded();
        }
        catch (RuntimeException e) {
            status.failed("caching a product", e);
        }
    }

    /** Deletes the keys; false when Redis failed. */
    boolean delete(Collection<UUID> productIds) {
        try {
            redis.delete(productIds.stream().map(ProductCache::key).toList());
            status.succeeded();
            return true;
        }
        catch (RuntimeException e) {
            status.failed("deleting products", e);
            return false;
        }
    }
}
