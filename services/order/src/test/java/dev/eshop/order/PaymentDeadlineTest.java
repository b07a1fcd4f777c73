package dev.eshop.order;

import dev.eshop.order.ServiceStubs.Product;
import dev.eshop.order.deadline.PaymentDeadline;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.StatusChangeReason;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment deadline (spec services.md §4.5, flows.md §1.9): with a one-second window, an order
 * nobody pays expires once, with one history row and one {@code order-status-updated} EXPIRED, also
 * while a second instance of the service runs the same job on the same database ({@code FOR UPDATE
 * SKIP LOCKED}); an order with a proof submitted does not expire.
 */
@TestPropertySource(properties = {
        "eshop.order.payment-window=1s",
        "eshop.order.expiry-grace=0s",
        "eshop.order.deadline-job.interval=200ms",
        "eshop.order.deadline-job.batch-size=3"})
class PaymentDeadlineTest extends OrderTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void anUnpaidOrderExpiresExactlyOnceWhileTwoInstancesRunTheJob() {
        double expiredHereBefore = expired(meters);
        try (ConfigurableApplicationContext second = secondInstance()) {
            assertThat(second.isRunning()).isTrue();
            // Placed through the API: each expires a second after it was placed.
            Product car = productInStock("Peugeot e-208", "33000.00", "10000", 20);
            List<UUID> placed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                placed.add(placeOrder(UUID.randomUUID(), car, 1));
            }
            // Already due, all at once, in batches of 3: both instances compete for them.
            List<UUID> due = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                due.add(seedOrder(UUID.randomUUID(), OrderStatus.PENDING_PAYMENT, Instant.now().minusSeconds(1)));
            }
            List<UUID> all = new ArrayList<>(placed);
            all.addAll(due);

            await().atMost(PATIENCE).until(() -> all.stream().allMatch(id -> "EXPIRED".equals(status(id))));

            for (UUID orderId : all) {
                assertThat(historyRows(orderId, "EXPIRED")).as("history of %s", orderId).isEqualTo(1);
                assertThat(outboxRows("order-status-updated", orderId)).as("events of %s", orderId).isEqualTo(1);
            }
            assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE id IN (:ids) AND closed_at IS NULL").param("ids", all)
                    .query(Integer.class).single()).isZero();
            // What each instance counts it expired adds up to the orders, so none was expired by both.
            double expiredHere = expired(meters) - expiredHereBefore;
            double expiredThere = expired(second.getBean(MeterRegistry.class));
            assertThat(expiredHere + expiredThere).isEqualTo(all.size());
        }

        UUID orderId = jdbc.sql("SELECT id FROM orders WHERE status = 'EXPIRED' AND customer_email = 'carla@example.com' LIMIT 1")
                .query(UUID.class).single();
        List<OrderStatusUpdated> events = published("order-status-updated", orderId, OrderStatusUpdated.class);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(event.reason()).isEqualTo(StatusChangeReason.DEADLINE_PASSED);
            assertThat(event.changedBy()).isNull();
            assertThat(event.changedByRole()).isEqualTo(ChangedByRole.SYSTEM);
            assertThat(event.version()).isEqualTo(2);
        });
        UUID owner = jdbc.sql("SELECT user_id FROM orders WHERE id = ?").param(orderId).query(UUID.class).single();
        JsonNode detail = body(get(customer(owner), "/v1/orders/" + orderId), 200);
        assertThat(detail.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(detail.path("history").get(1).path("actor_role").asString()).isEqualTo("SYSTEM");
        assertThat(detail.path("allowed_actions").size()).isZero();
    }

    @Test
    void anOrderWithASubmittedProofDoesNotExpire() {
        UUID user = UUID.randomUUID();
        UUID submitted = seedOrder(user, OrderStatus.PENDING_PAYMENT, Instant.now().plus(Duration.ofHours(1)));
        awaitHandled(publishPayment(UUID.randomUUID(), submitted, user, PaymentStatus.PENDING, null));
        assertThat(status(submitted)).isEqualTo("PAYMENT_SUBMITTED");
        // Its deadline passes (the proof was uploaded just in time), and an unpaid order's passes with it.
        jdbc.sql("UPDATE orders SET payment_due_at = ? WHERE id = ?").params(Timestamp.from(Instant.now().minusSeconds(60)), submitted)
                .update();
        UUID unpaid = seedOrder(UUID.randomUUID(), OrderStatus.PENDING_PAYMENT, Instant.now().minusSeconds(30));

        await().atMost(PATIENCE).until(() -> "EXPIRED".equals(status(unpaid)));

        assertThat(status(submitted)).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(historyRows(submitted, "EXPIRED")).isZero();
        assertThat(outboxRows("order-status-updated", submitted)).as("only PAYMENT_SUBMITTED").isEqualTo(1);
    }

    private static double expired(MeterRegistry registry) {
        var counter = registry.find(PaymentDeadline.EXPIRED_METRIC).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The same service, a second process as it were: same database, same Kafka topics, own port. The
     * settings go in as command-line arguments, which (unlike {@code SpringApplicationBuilder.properties},
     * the lowest-ranked defaults) win over {@code application.yml}.
     */
    private ConfigurableApplicationContext secondInstance() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "eshop.kafka.topic-prefix", "eshop.order.payment-window", "eshop.order.expiry-grace",
                "eshop.order.deadline-job.interval", "eshop.order.deadline-job.batch-size", "eshop.clients.product.base-url",
                "eshop.clients.warehouse.base-url", "eshop.clients.shipping-cost.base-url", "eshop.clients.oauth.client-id",
                "eshop.clients.oauth.client-secret")) {
            properties.put(name, environment.getRequiredProperty(name));
        }
        properties.put("eshop.security.issuer-uri", TestIssuer.get().uri());
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(OrderApplication.class).main(OrderApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }
}
