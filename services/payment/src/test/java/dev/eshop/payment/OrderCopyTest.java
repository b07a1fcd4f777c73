package dev.eshop.payment;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.events.payment.PaymentUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment's copy of each order from {@code order-created} and {@code order-status-updated} (events.md
 * §3.5-3.6): events of the two topics in either order, newer versions only, redelivered events changing
 * nothing; and the automatic rejection of a PENDING proof when its order expires or is cancelled.
 */
class OrderCopyTest extends PaymentTestSupport {

    @Test
    void orderCreatedMakesTheCopy() {
        UUID alice = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MILLIS);
        awaitHandled(publishOrderCreated(orderId, alice, due));

        Map<String, Object> copy = copy(orderId);
        assertThat(copy.get("user_id")).isEqualTo(alice.toString());
        assertThat(copy.get("status")).isEqualTo("PENDING_PAYMENT");
        assertThat((BigDecimal) copy.get("total")).isEqualByComparingTo(TOTAL);
        assertThat(((Number) copy.get("version")).longValue()).isEqualTo(1);
        assertThat(dueAt(orderId)).isEqualTo(due);
    }

    @Test
    void aStatusChangeSeenBeforeTheOrderKeepsItsStatusWhenTheOrderArrives() {
        UUID alice = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();

        awaitHandled(publishStatus(orderId, alice, OrderStatus.PAYMENT_SUBMITTED, OrderStatus.PENDING_PAYMENT, 2));
        Map<String, Object> early = copy(orderId);
        assertThat(early.get("status")).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(early.get("total")).isNull();
        assertThat(early.get("payment_due_at")).isNull();

        Instant due = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MILLIS);
        awaitHandled(publishOrderCreated(orderId, alice, due));
        Map<String, Object> complete = copy(orderId);
        assertThat(complete.get("status")).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(((Number) complete.get("version")).longValue()).isEqualTo(2);
        assertThat((BigDecimal) complete.get("total")).isEqualByComparingTo(TOTAL);
        assertThat(dueAt(orderId)).isEqualTo(due);
    }

    @Test
    void olderAndRepeatedEventsChangeNothing() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        String paid = statusJson(orderId, alice, OrderStatus.PAID, OrderStatus.PAYMENT_SUBMITTED, 3);

        UUID paidEvent = kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(), paid);
        awaitHandled(paidEvent);
        // Older (a replay from the DLT, say), the same event again under its ce_id, and republished under a new one.
        awaitHandled(publishStatus(orderId, alice, OrderStatus.PAYMENT_SUBMITTED, OrderStatus.PENDING_PAYMENT, 2));
        kafka.publish("order-status-updated", orderId.toString(), paid,
                KafkaTestClient.cloudEventHeaders(paidEvent, "eshop.order.status-updated.v1", orderId.toString()));
        awaitHandled(kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(),
                statusJson(orderId, alice, OrderStatus.PAID, OrderStatus.PAYMENT_SUBMITTED, 3)));
        // order-created once more (a new ce_id): the copy keeps its newer status.
        awaitHandled(publishOrderCreated(orderId, alice, Instant.now().plus(Duration.ofHours(48))));

        Map<String, Object> copy = copy(orderId);
        assertThat(copy.get("status")).isEqualTo("PAID");
        assertThat(((Number) copy.get("version")).longValue()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", paidEvent.toString())).isEqualTo(1);
    }

    @Test
    void aProofStillPendingWhenItsOrderExpiresIsRejectedOnce() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);

        String expired = statusJson(orderId, alice, OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT, 2);
        UUID eventId = kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(), expired);
        awaitHandled(eventId);
        assertThat(paymentStatus(id)).isEqualTo("REJECTED");

        // Redelivered, and republished: still one rejection.
        kafka.publish("order-status-updated", orderId.toString(), expired,
                KafkaTestClient.cloudEventHeaders(eventId, "eshop.order.status-updated.v1", orderId.toString()));
        awaitHandled(kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(), expired));

        List<PaymentUpdated> events = paymentEvents(id, 2).stream().map(PaymentTestSupport::event).toList();
        assertThat(events).extracting(PaymentUpdated::status).containsExactly(PaymentStatus.PENDING, PaymentStatus.REJECTED);
        PaymentUpdated rejected = events.get(1);
        assertThat(rejected.adminNote()).isEqualTo("Order expired before the payment was reviewed");
        assertThat(rejected.reviewedBy()).isNull();
        assertThat(rejected.orderId()).isEqualTo(orderId);
        get(customer(alice), "/v1/payments/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REJECTED")
                .jsonPath("$.admin_note").isEqualTo("Order expired before the payment was reviewed")
                .jsonPath("$.reviewed_by").isEmpty()
                .jsonPath("$.order.status").isEqualTo("EXPIRED");
    }

    @Test
    void aProofThatRacedACancellationIsRejectedWithTheCustomersReason() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);

        awaitHandled(publishStatus(orderId, alice, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, 2));

        assertThat(paymentStatus(id)).isEqualTo("REJECTED");
        PaymentUpdated rejected = event(paymentEvents(id, 2).get(1));
        assertThat(rejected.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(rejected.adminNote()).isEqualTo("Order cancelled by the customer");
    }

    @Test
    void otherOutcomesLeaveTheProofAlone() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);
        orderRegistersPayment(orderId, alice);
        // An admin's rejection comes back from order as REJECTED; the payment is decided already.
        post(admin(), "/v1/payments/" + id + "/review", "{\"decision\":\"REJECTED\",\"note\":\"Wrong amount\"}").expectStatus().isOk();
        awaitHandled(publishStatus(orderId, alice, OrderStatus.REJECTED, OrderStatus.PAYMENT_SUBMITTED, 3));

        assertThat(orderStatus(orderId)).isEqualTo("REJECTED");
        assertThat(paymentEvents(id, 2)).extracting(r -> event(r).adminNote()).containsExactly(null, "Wrong amount");
    }

    @Test
    void anUnreadableOrderEventIsParkedAndTheNextOneHandled() {
        UUID alice = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        String key = orderId.toString();
        kafka.publishEvent("order-created", "eshop.order.created.v1", key, "{\"order_id\":\"" + orderId + "\",\"total\":12.345}");

        awaitHandled(publishOrderCreated(orderId, alice, Instant.now().plus(Duration.ofHours(1))));
        assertThat(orderStatus(orderId)).isEqualTo("PENDING_PAYMENT");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(kafka.read("order-created.DLT", Duration.ofSeconds(10),
                records -> records.stream().anyMatch(r -> key.equals(r.key())))).anyMatch(r -> key.equals(r.key())));
    }

    private Map<String, Object> copy(UUID orderId) {
        return jdbc.sql("SELECT user_id, total, status, payment_due_at, version FROM payment_orders WHERE order_id = ?")
                .param(orderId.toString()).query().singleRow();
    }

    private Instant dueAt(UUID orderId) {
        return jdbc.sql("SELECT payment_due_at FROM payment_orders WHERE order_id = ?").param(orderId.toString())
                .query((rs, n) -> rs.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)).single();
    }
}
