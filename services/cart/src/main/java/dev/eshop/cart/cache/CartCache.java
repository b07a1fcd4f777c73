package dev.eshop.cart.cache;

import dev.eshop.cart.CartSettings;
import dev.eshop.cart.cache.CacheEvictions.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The carts in Redis: one hash per customer, {@code cart:{user_id}}, with one field per product id (the
 * line as JSON) and the marker field {@code _} (so an empty cart is cached too) holding the cart's
 * version and time of change, {@code {"version": 7, "updated_at": "…"}}.
 * <p>
 * A cart is always written whole, by a Lua script that leaves a newer copy alone: two requests for the
 * same cart may reach Redis in the other order than they committed in MySQL, and a read that rebuilds
 * the cart from MySQL may race a change; the version (taken under the cart's row lock) decides. Evicting
 * a cart after a change made elsewhere (a product deleted from every cart) leaves a tombstone
 * {@code {"~": version}} instead of nothing, so a read that loaded the older cart just before cannot put
 * it back.
 * <p>
 * Redis failures never fail a request: reads report a miss, writes fall back to deleting the hash, and if
 * that fails too to {@link CacheEvictions}.
 */
@Component
public class CartCache {

    private static final Logger log = LoggerFactory.getLogger(CartCache.class);

    static final String MARKER = "_";
    static final String TOMBSTONE = "~";
    static final Duration TOMBSTONE_TTL = Duration.ofMinutes(10);

    private static final String VERSION_OF = """
            local function version_of(key)
              local marker = redis.call('HGET', key, '_')
              if marker then return tonumber(cjson.decode(marker)['version']) end
              local tombstone = redis.call('HGET', key, '~')
              if tombstone then return tonumber(tombstone) end
              return -1
            end
            """;

    /** KEYS[1] the cart; ARGV: version, TTL in seconds, marker JSON, then field/value pairs. 1 when written, 0 when a newer copy is there. */
    private static final RedisScript<Long> REPLACE = RedisScript.of(VERSION_OF + """
            if version_of(KEYS[1]) > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], '_', ARGV[3], unpack(ARGV, 4))
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
            return 1
            """, Long.class);

    /** KEYS[1] the cart; ARGV: version, TTL in seconds. Replaces an older cart with a tombstone. */
    private static final RedisScript<Long> EVICT = RedisScript.of(VERSION_OF + """
            if version_of(KEYS[1]) > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], '~', ARGV[1])
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
            return 1
            """, Long.class);

    private record Marker(long version, Instant updatedAt) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CacheEvictions evictions;
    private final RedisStatus status;
    private final Duration ttl;

    CartCache(StringRedisTemplate redis, JsonMapper json, CacheEvictions evictions, RedisStatus status, CartSettings settings) {
        this.redis = redis;
        this.json = json;
        this.evictions = evictions;
        this.status = status;
        this.ttl = settings.cacheTtl();
    }

    public static String key(UUID userId) {
        return "cart:" + userId;
    }

    /**
     * The cached cart; empty when Redis has none (or only a tombstone), when it does not answer, or when the
     * cart waits for an eviction (which is then done, so the caller rebuilds it from MySQL).
     */
    public Optional<CartSnapshot> read(UUID userId) {
        if (evictions.cartsPending() && evictPending(userId)) {
            return Optional.empty();
        }
        Map<Object, Object> hash;
        try {
            hash = redis.opsForHash().entries(key(userId));
            status.succeeded();
        }
        catch (RuntimeException e) {
            status.failed("reading a cart", e);
            return Optional.empty();
        }
        Object marker = hash.get(MARKER);
        if (marker == null) {
            return Optional.empty();
        }
        Marker header;
        List<CartSnapshot.Line> lines = new ArrayList<>();
        try {
            header = json.readValue((String) marker, Marker.class);
            hash.forEach((field, value) -> {
                if (!MARKER.equals(field) && !TOMBSTONE.equals(field)) {
                    lines.add(json.readValue((String) value, CartSnapshot.Line.class));
                }
            });
        }
        catch (RuntimeException e) {
            log.warn("The Redis cart of {} is not readable; it is rebuilt from MySQL: {}", userId, e.toString());
            return Optional.empty();
        }
        lines.sort(Comparator.comparing(CartSnapshot.Line::addedAt).thenComparing(CartSnapshot.Line::productId));
        return Optional.of(new CartSnapshot(userId, header.version(), header.updatedAt(), lines));
    }

    /**
     * Writes a cart that was just changed in MySQL (committed). If Redis fails, the cart's hash is deleted;
     * if that fails too, the cart is recorded for eviction.
     */
    public void store(CartSnapshot cart) {
        if (!replace(cart)) {
            evict(cart.userId());
        }
    }

    /** Writes a cart just read from MySQL (nothing changed): a failure is only a missed chance to cache it. */
    public void fill(CartSnapshot cart) {
        replace(cart);
    }

    /**
     * After a change of the cart made without reading it (a deleted product removed from every cart):
     * replaces the cached cart by a tombstone of this version, so the next read rebuilds it from MySQL.
     */
    public void invalidate(UUID userId, long version) {
        try {
            redis.execute(EVICT, List.of(key(userId)), Long.toString(version), Long.toString(TOMBSTONE_TTL.toSeconds()));
            status.succeeded();
        }
        catch (RuntimeException e) {
            status.failed("evicting a cart", e);
            evict(userId);
        }
    }

    /** Deletes the cart's hash; if Redis fails, records the cart for eviction. */
    public void evict(UUID userId) {
        if (!delete(List.of(userId))) {
            evictions.recordCart(userId);
        }
    }

    /** Deletes the hashes; false when Redis failed. */
    boolean delete(Collection<UUID> userIds) {
        try {
            redis.delete(userIds.stream().map(CartCache::key).toList());
            status.succeeded();
            return true;
        }
        catch (RuntimeException e) {
            status.failed("deleting carts", e);
            return false;
        }
    }

    private boolean replace(CartSnapshot cart) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(cart.version()));
        args.add(Long.toString(ttl.toSeconds()));
        args.add(json.writeValueAsString(new Marker(cart.version(), cart.updatedAt())));
        for (CartSnapshot.Line line : cart.lines()) {
            args.add(line.productId().toString());
            args.add(json.writeValueAsString(line));
        }
        try {
            redis.execute(REPLACE, List.of(key(cart.userId())), args.toArray());
            status.succeeded();
            return true;
        }
        catch (RuntimeException e) {
            status.failed("writing a cart", e);
            return false;
        }
    }

    /** Handles the user's pending eviction, if any; true when there was one (the cached cart is not to be trusted). */
    private boolean evictPending(UUID userId) {
        Optional<Pending> pending;
        try {
            pending = evictions.pendingCart(userId);
        }
        catch (RuntimeException e) {
            return false; // MySQL is down: the cached cart is all there is
        }
        if (pending.isEmpty()) {
            return false;
        }
        if (delete(List.of(userId))) {
            evictions.forgetCart(pending.get());
        }
        return true;
    }
}
