package dev.eshop.cart.cache;

import dev.eshop.cart.CartTestSupport;
import dev.eshop.platform.testing.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Redis is a cache the cart survives without (spec/services.md §3.2, flows.md §4): a flushed or expired cart
 * is rebuilt from MySQL; with Redis stopped, reads and writes run on MySQL alone, the health shows Redis down
 * and readiness stays up; and when Redis comes back holding the copies from before the outage (it persists
 * to an append-only file here, as a restarted production Redis or a healed partition would), none of that
 * stale data is served.
 * <p>
 * This class runs a Redis of its own (the shared test engine cannot be stopped), and the eviction job only
 * when the test says so (its interval is an hour), so what the reads do is seen on its own. Its Redis stays
 * up until the JVM ends (embedded-redis stops it then); the context is closed right after this class.
 */
@DirtiesContext
class RedisOutageTest extends CartTestSupport {

    private static final int REDIS_PORT = Ports.free();
    private static final RedisServer REDIS = startRedis();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
        registry.add("eshop.cart.cache-eviction-interval", () -> "1h");
    }

    @Autowired
    CacheEvictionJob job;

    @Test
    void aFlushedOrExpiredCartIsRebuiltFromMySqlWithTheSameLines() {
        UUID user = UUID.randomUUID();
        UUID first = product("Mazda MX-5", "32000.00", 4);
        UUID second = product("Honda CB500F", "6900.00", 4);
        add(user, first, 2);
        add(user, second, 1);
        Map<String, Integer> before = quantities(user);
        assertThat(redis.getExpire(CartCache.key(user))).isBetween(Duration.ofDays(29).toSeconds(), Duration.ofDays(30).toSeconds());

        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });
        assertThat(quantities(user)).isEqualTo(before);
        assertThat(redis.opsForHash().keys(CartCache.key(user))).containsExactlyInAnyOrder("_", first.toString(), second.toString());
        get(customer(user), "/v1/carts/me").expectBody().jsonPath("$.lines[0].product_name").isEqualTo("Mazda MX-5");

        redis.delete(CartCache.key(user)); // as when its TTL ends
        assertThat(quantities(user)).isEqualTo(before);
        assertThat(redis.hasKey(CartCache.key(user))).isTrue();
    }

    @Test
    void withRedisStoppedTheCartRunsOnMySqlAndNoStaleCopyIsServedWhenRedisComesBack() throws IOException {
        UUID user = UUID.randomUUID();
        UUID roadster = UUID.randomUUID();
        awaitApplied(publishUpdated(roadster, "BMW Z4", "52000.00", 5, 1), roadster, 1);
        UUID tourer = product("BMW R 1250 RT", "23000.00", 5);
        add(user, roadster, 1);
        cart(user);
        assertThat(redis.opsForValue().get(ProductCache.key(roadster))).contains("52000.00");

        REDIS.stop();
        try {
            assertThat(quantities(user)).containsExactly(entry(roadster.toString(), 1));
            add(user, tourer, 2);
            patch(customer(user), "/v1/carts/me/lines/" + roadster, Map.of("quantity", 3)).expectStatus().isOk();
            awaitHandled(publishUpdated(roadster, "BMW Z4 M40i", "61000.00", 5, 2));
            get(customer(user), "/v1/carts/me").expectStatus().isOk().expectBody()
                    .jsonPath("$.lines[0].product_name").isEqualTo("BMW Z4 M40i")
                    .jsonPath("$.lines[0].quantity").isEqualTo(3)
                    .jsonPath("$.lines[1].quantity").isEqualTo(2);

            client.get().uri("/actuator/health/redis").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
            client.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.status").isEqualTo("DOWN");
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            assertThat(pending("cache_eviction", "user_id", user)).isTrue();
            await().atMost(PATIENCE).until(() -> pending("product_cache_eviction", "product_id", roadster));
        }
        finally {
            REDIS.start();
        }

        // Redis is back with what it held before the outage, and the service's connection has found it again.
        await().atMost(PATIENCE).untilAsserted(() -> client.get().uri("/actuator/health/redis").exchange().expectStatus().isOk());
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                assertThat((String) redis.opsForHash().get(CartCache.key(user), roadster.toString())).contains("\"quantity\":1"));
        assertThat(redis.opsForHash().hasKey(CartCache.key(user), tourer.toString())).isFalse();
        assertThat(redis.opsForValue().get(ProductCache.key(roadster))).contains("52000.00");

        get(customer(user), "/v1/carts/me").expectStatus().isOk().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].quantity").isEqualTo(3)
                .jsonPath("$.lines[0].product_name").isEqualTo("BMW Z4 M40i")
                .jsonPath("$.lines[0].unit_price").isEqualTo(61000.0)
                .jsonPath("$.lines[1].product_id").isEqualTo(tourer.toString());
        assertThat((String) redis.opsForHash().get(CartCache.key(user), roadster.toString())).contains("\"quantity\":3");

        job.runOnce();
        assertThat(pending("cache_eviction", "user_id", user)).isFalse();
        assertThat(pending("product_cache_eviction", "product_id", roadster)).isFalse();
        assertThat(quantities(user)).containsExactly(entry(roadster.toString(), 3), entry(tourer.toString(), 2));
        get(customer(user), "/v1/carts/me").expectBody().jsonPath("$.lines[0].product_name").isEqualTo("BMW Z4 M40i");
        assertThat(redis.opsForValue().get(ProductCache.key(roadster))).contains("61000.00");
    }

    private boolean pending(String table, String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?").param(id.toString()).query(Integer.class).single() == 1;
    }


    private static RedisServer startRedis() {
        try {
            Path data = Files.createTempDirectory("cart-redis");
            data.toFile().deleteOnExit();
            RedisServer server = RedisServer.newRedisServer()
                    .port(REDIS_PORT)
                    .bind("127.0.0.1")
                    .setting("dir " + data)
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .setting("save \"\"")
                    .build();
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }
}
