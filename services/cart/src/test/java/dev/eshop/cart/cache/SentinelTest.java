package dev.eshop.cart.cache;

import dev.eshop.cart.CartTestSupport;
import dev.eshop.platform.testing.Ports;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.Redis;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Redis as production runs it: one master, two replicas and a Sentinel, configured only through Boot's
 * {@code spring.data.redis.sentinel.master} and {@code spring.data.redis.sentinel.nodes}. The cart is written
 * to the master Sentinel names and replicated; when the master dies, Sentinel promotes a replica, the cart
 * goes on from MySQL meanwhile, and afterwards it is cached on the new master.
 * <p>
 * The Redis processes stay up until the JVM ends (embedded-redis stops them then); the context is closed
 * right after this class, while they still answer, so its client does not keep reconnecting to them.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentinelTest extends CartTestSupport {

    private static final String MASTER_NAME = "eshop-cart";
    private static final int MASTER_PORT = Ports.free();
    private static final List<Integer> REPLICA_PORTS = List.of(Ports.free(), Ports.free());
    private static final int SENTINEL_PORT = Ports.free();
    private static final RedisServer MASTER;

    static {
        try {
            MASTER = RedisServer.newRedisServer().port(MASTER_PORT).bind("127.0.0.1").setting("save \"\"").build();
            start(MASTER);
            for (int port : REPLICA_PORTS) {
                start(RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").slaveOf("127.0.0.1", MASTER_PORT).build());
            }
            start(RedisSentinel.newRedisSentinel().port(SENTINEL_PORT).bind("127.0.0.1").masterName(MASTER_NAME).masterPort(MASTER_PORT)
                    .quorumSize(1).downAfterMilliseconds(1000).failOverTimeout(5000).parallelSyncs(1).build());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Redis with Sentinel did not start", e);
        }
    }

    @DynamicPropertySource
    static void sentinel(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.sentinel.master", () -> MASTER_NAME);
        registry.add("spring.data.redis.sentinel.nodes", () -> "127.0.0.1:" + SENTINEL_PORT);
    }

    @Test
    @Order(1)
    void theCartIsCachedOnTheMasterSentinelNamesAndReplicated() {
        UUID user = UUID.randomUUID();
        UUID product = product("Porsche Taycan", "105000.00", 2);
        add(user, product, 1);
        assertThat(quantities(user)).containsExactly(entry(product.toString(), 1));

        assertThat(command(MASTER_PORT, "HLEN", "cart:" + user)).isEqualTo(":2");
        for (int replica : REPLICA_PORTS) {
            await().atMost(PATIENCE).until(() -> command(replica, "HLEN", "cart:" + user).equals(":2"));
        }
    }

    @Test
    @Order(2)
    void whenTheMasterDiesAReplicaTakesOverAndTheCartGoesOn() throws IOException {
        UUID user = UUID.randomUUID();
        UUID first = product("Lotus Emira", "99000.00", 2);
        UUID second = product("Triumph Rocket 3", "24000.00", 2);
        add(user, first, 1);
        cart(user);

        MASTER.stop();
        add(user, second, 2);
        assertThat(quantities(user)).containsExactly(entry(first.toString(), 1), entry(second.toString(), 2));

        await().atMost(PATIENCE).until(() -> REPLICA_PORTS.stream().anyMatch(port -> command(port, "ROLE").contains("master")));
        int newMaster = REPLICA_PORTS.stream().filter(port -> command(port, "ROLE").contains("master")).findFirst().orElseThrow();
        UUID third = product("Zero SR/F", "21000.00", 2);
        add(user, third, 1);

        // Once the client has found the new master through Sentinel, the cart is cached there again, whole.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(quantities(user)).containsExactly(entry(first.toString(), 1), entry(second.toString(), 2), entry(third.toString(), 1));
            assertThat(command(newMaster, "HLEN", "cart:" + user)).isEqualTo(":4");
        });
        client.get().uri("/actuator/health/redis").exchange().expectStatus().isOk();
    }


    private static void start(Redis process) throws IOException {
        process.start();
    }

    /** One command in Redis's inline protocol; the first line of the answer (":2", "*3", "+OK", …) plus, for ROLE, the role. */
    private static String command(int port, String... words) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((String.join(" ", words) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int lines = words[0].equals("ROLE") ? 3 : 1;
            for (int seen = 0, c; seen < lines && (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    seen++;
                }
                else if (c != '\r') {
                    answer.append((char) c);
                }
            }
            return answer.toString();
        }
        catch (IOException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
