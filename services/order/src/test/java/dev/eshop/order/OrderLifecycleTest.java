package dev.eshop.order;

import dev.eshop.order.ServiceStubs.Product;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.events.order.StatusChangeReason;
import dev.eshop.platform.events.payment.PaymentStatus;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order state machine (spec flows.md §2.1): every legal transition, by payment events, the owner
 * and an admin, with one history row and one {@code order-status-updated} each (invariant 9); exactly
 * one {@code sale-created} per paid order however often the approval arrives (invariant 4); every
 * action the status does not allow refused with 409 {@code invalid-state} and {@code current_status};
 * events that do not apply ignored.
 */
class OrderLifecycleTest extends OrderTestSupport {

    @Test
    void aPaidOrderGoesToDeliveredWithOneEventAndOneHistoryRowPerStep() {
        UUID user = UUID.randomUUID();
        Product car = productInStock("Mazda CX-60", "68500.00", "10250", 3);
        UUID orderId = placeOrder(user, car, 1);
        UUID paymentId = UUID.randomUUID();

        awaitHandled(publishPayment(paymentId, orderId, user, PaymentStatus.PENDING, null));
        assertThat(status(orderId)).isEqualTo("PAYMENT_SUBMITTED");
        JsonNode submitted = body(get(customer(user), "/v1/orders/" + orderId), 200);
        assertThat(submitted.path("payment").path("payment_id").asString()).isEqualTo(paymentId.toString());
        assertThat(submitted.path("payment").path("status").asString()).isEqualTo("PENDING");
        assertThat(submitted.path("payment_seconds_left").isNull()).as("the deadline no longer counts").isTrue();
        assertThat(submitted.path("allowed_actions").size()).isZero();
        JsonNode noCancel = body(post(customer(user), "/v1/orders/" + orderId + "/cancel", Map.of()), 409);
        assertThat(noCancel.path("type").asString()).isEqualTo(PROBLEMS + "invalid-state");
        assertThat(noCancel.path("current_status").asString()).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(noCancel.path("detail").asString())
                .isEqualTo("Your payment is being reviewed; the order can no longer be cancelled.");

        // The approval delivered twice (same ce_id), and published twice (a new ce_id): one PAID, one sale.
        UUID approval = UUID.randomUUID();
        publishPayment(approval, paymentId, orderId, user, PaymentStatus.APPROVED, null);
        publishPayment(approval, paymentId, orderId, user, PaymentStatus.APPROVED, null);
        publishPayment(paymentId, orderId, user, PaymentStatus.APPROVED, null);
        awaitHandled(publishPayment(paymentId, orderId, user, PaymentStatus.PENDING, null)); // same key: handled after the others
        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(historyRows(orderId, "PAID")).isEqualTo(1);
        assertThat(outboxRows("sale-created", orderId)).isEqualTo(1);
        List<SaleCreated> sales = published("sale-created", orderId, SaleCreated.class);
        assertThat(sales).singleElement().satisfies(sale -> {
            assertThat(sale.userId()).isEqualTo(user);
            assertThat(sale.items()).singleElement().satisfies(item -> {
                assertThat(item.productId()).isEqualTo(car.id());
                assertThat(item.productName()).isEqualTo("Mazda CX-60");
                assertThat(item.categoryId()).isEqualTo(car.categoryId());
                assertThat(item.categoryName()).isEqualTo("SUV");
                assertThat(item.quantity()).isEqualTo(1);
                assertThat(item.unitPrice()).isEqualTo(money("68500.00"));
                assertThat(item.lineTotal()).isEqualTo(money("68500.00"));
            });
        });
        JsonNode paid = body(get(admin(), "/v1/orders/" + orderId), 200);
        assertThat(Instant.parse(paid.path("paid_at").asString())).isEqualTo(sales.getFirst().paidAt());
        assertThat(paid.path("allowed_actions").toString()).isEqualTo("[\"SHIP\"]");
        assertThat(paid.path("payment").path("status").asString()).isEqualTo("APPROVED");

        JsonNode shipped = body(patch(admin(), "/v1/orders/" + orderId + "/status",
                Map.of("status", "ON_DELIVERY", "note", "DHL 00340434161094042557", "version", paid.path("version").asInt())), 200);
        assertThat(shipped.path("status").asString()).isEqualTo("ON_DELIVERY");
        assertThat(shipped.path("shipped_at").isNull()).isFalse();
        assertThat(shipped.path("history").get(3).path("note").asString()).isEqualTo("DHL 00340434161094042557");
        assertThat(shipped.path("history").get(3).path("actor_name").asString()).isEqualTo("Ada Admin");
        assertThat(body(get(customer(user), "/v1/orders/" + orderId), 200).path("allowed_actions").toString())
                .isEqualTo("[\"CONFIRM_DELIVERY\"]");

        JsonNode delivered = body(post(customer(user), "/v1/orders/" + orderId + "/confirm-delivery", Map.of()), 200);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("delivered_at").isNull()).isFalse();
        // Confirming again changes nothing.
        JsonNode again = body(post(customer(user), "/v1/orders/" + orderId + "/confirm-delivery", Map.of()), 200);
        assertThat(again.path("version").asInt()).isEqualTo(delivered.path("version").asInt());
        assertThat(jdbc.sql("SELECT closed_at IS NOT NULL FROM orders WHERE id = ?").param(orderId).query(Boolean.class).single()).isTrue();

        assertThat(again.path("history").findValuesAsString("reason")).containsExactly("CREATED", "PAYMENT_SUBMITTED",
                "PAYMENT_APPROVED", "SHIPPED", "DELIVERY_CONFIRMED");
        List<OrderStatusUpdated> events = published("order-status-updated", orderId, OrderStatusUpdated.class);
        assertThat(events).extracting(OrderStatusUpdated::status).containsExactly(OrderStatus.PAYMENT_SUBMITTED, OrderStatus.PAID,
                OrderStatus.ON_DELIVERY, OrderStatus.DELIVERED);
        assertThat(events).extracting(OrderStatusUpdated::previousStatus).containsExactly(OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAYMENT_SUBMITTED, OrderStatus.PAID, OrderStatus.ON_DELIVERY);
        assertThat(events).extracting(OrderStatusUpdated::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(events).extracting(OrderStatusUpdated::changedByRole).containsExactly(ChangedByRole.SYSTEM, ChangedByRole.SYSTEM,
                ChangedByRole.ADMIN, ChangedByRole.CUSTOMER);
        assertThat(events).extracting(OrderStatusUpdated::changedBy).containsExactly(null, null, ADMIN_ID, user);
        assertThat(events.get(2).note()).isEqualTo("DHL 00340434161094042557");
        assertThat(events).allSatisfy(event -> assertThat(event.userId()).isEqualTo(user));
    }

    @Test
    void anAdminMarksDeliveredAndARejectedPaymentRejectsTheOrder() {
        UUID user = UUID.randomUUID();
        UUID paidOrder = seedOrder(user, OrderStatus.PAID);
        body(patch(admin(), "/v1/orders/" + paidOrder + "/status", Map.of("status", "ON_DELIVERY")), 200);
        JsonNode delivered = body(patch(admin(), "/v1/orders/" + paidOrder + "/status", Map.of("status", "DELIVERED")), 200);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        OrderStatusUpdated last = published("order-status-updated", paidOrder, OrderStatusUpdated.class).getLast();
        assertThat(last.reason()).isEqualTo(StatusChangeReason.DELIVERY_CONFIRMED);
        assertThat(last.changedByRole()).isEqualTo(ChangedByRole.ADMIN);

        UUID orderId = placeOrder(user);
        UUID paymentId = UUID.randomUUID();
        awaitHandled(publishPayment(paymentId, orderId, user, PaymentStatus.PENDING, null));
        String note = "The amount on the receipt is $68,000.00; the order total is $68,605.00.";
        awaitHandled(publishPayment(paymentId, orderId, user, PaymentStatus.REJECTED, note));

        JsonNode rejected = body(get(customer(user), "/v1/orders/" + orderId), 200);
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("payment").path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("payment").path("admin_note").asString()).isEqualTo(note);
        assertThat(rejected.path("history").get(2).path("note").asString()).isEqualTo(note);
        assertThat(rejected.path("allowed_actions").size()).isZero();
        OrderStatusUpdated event = published("order-status-updated", orderId, OrderStatusUpdated.class).getLast();
        assertThat(event.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(event.reason()).isEqualTo(StatusChangeReason.PAYMENT_REJECTED);
        assertThat(event.note()).isEqualTo(note);
        assertThat(outboxRows("sale-created", orderId)).isZero();
    }

    @Test
    void onlyTheOwnerCancelsAndOnlyWhileTheOrderAwaitsPayment() {
        UUID owner = UUID.randomUUID();
        UUID orderId = placeOrder(owner);

        assertThat(body(post(customer(UUID.randomUUID()), "/v1/orders/" + orderId + "/cancel", Map.of()), 403)
                .path("type").asString()).isEqualTo(PROBLEMS + "forbidden");
        body(post(admin(), "/v1/orders/" + orderId + "/cancel", Map.of()), 403);
        body(get(customer(UUID.randomUUID()), "/v1/orders/" + orderId), 403);
        body(post(customer(owner), "/v1/orders/" + UUID.randomUUID() + "/cancel", Map.of()), 404);

        JsonNode cancelled = body(post(customer(owner), "/v1/orders/" + orderId + "/cancel", Map.of("reason", "Found a cheaper one")),
                200);
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("payment_seconds_left").isNull()).isTrue();
        JsonNode again = body(client.post().uri("/v1/orders/" + orderId + "/cancel").header("Authorization", customer(owner))
                .exchange(), 200);
        assertThat(again.path("version").asInt()).isEqualTo(cancelled.path("version").asInt());
        assertThat(historyRows(orderId, "CANCELLED")).isEqualTo(1);

        // A proof that raced the cancel, and an approval after it, change nothing (events.md §1.3).
        UUID paymentId = UUID.randomUUID();
        publishPayment(paymentId, orderId, owner, PaymentStatus.PENDING, null);
        awaitHandled(publishPayment(paymentId, orderId, owner, PaymentStatus.APPROVED, null));
        assertThat(status(orderId)).isEqualTo("CANCELLED");
        assertThat(outboxRows("sale-created", orderId)).isZero();

        List<OrderStatusUpdated> events = published("order-status-updated", orderId, OrderStatusUpdated.class);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(event.reason()).isEqualTo(StatusChangeReason.CANCELLED_BY_CUSTOMER);
            assertThat(event.note()).isEqualTo("Found a cheaper one");
            assertThat(event.changedBy()).isEqualTo(owner);
            assertThat(event.changedByRole()).isEqualTo(ChangedByRole.CUSTOMER);
            assertThat(event.version()).isEqualTo(2);
        });
    }

    @Test
    void everyActionTheStatusDoesNotAllowIsRefusedWithTheCurrentStatus() {
        record Action(String name, String method, String path, Map<String, Object> body, boolean byAdmin, OrderStatus from,
                      OrderStatus to) {
        }
        List<Action> actions = List.of(
                new Action("cancel", "POST", "/cancel", Map.of(), false, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED),
                new Action("confirm delivery", "POST", "/confirm-delivery", Map.of(), false, OrderStatus.ON_DELIVERY,
                        OrderStatus.DELIVERED),
                new Action("ship", "PATCH", "/status", Map.of("status", "ON_DELIVERY"), true, OrderStatus.PAID, OrderStatus.ON_DELIVERY),
                new Action("mark delivered", "PATCH", "/status", Map.of("status", "DELIVERED"), true, OrderStatus.ON_DELIVERY,
                        OrderStatus.DELIVERED));
        SoftAssertions softly = new SoftAssertions();
        for (Action action : actions) {
            for (OrderStatus current : OrderStatus.values()) {
                UUID owner = UUID.randomUUID();
                UUID orderId = seedOrder(owner, current);
                String token = action.byAdmin() ? admin() : customer(owner);
                var response = action.method().equals("POST") ? post(token, "/v1/orders/" + orderId + action.path(), action.body())
                        : patch(token, "/v1/orders/" + orderId + action.path(), action.body());
                var result = response.expectBody(String.class).returnResult();
                String answer = result.getResponseBody();
                int code = result.getStatus().value();
                String label = action.name() + " in " + current;
                if (current == action.from()) {
                    softly.assertThat(code).as(label).isEqualTo(200);
                    softly.assertThat(status(orderId)).as(label).isEqualTo(action.to().name());
                    softly.assertThat(outboxRows("order-status-updated", orderId)).as(label).isEqualTo(1);
                }
                else if (current == action.to()) {
                    softly.assertThat(code).as(label + " (already there)").isEqualTo(200);
                    softly.assertThat(outboxRows("order-status-updated", orderId)).as(label).isZero();
                }
                else {
                    softly.assertThat(code).as(label).isEqualTo(409);
                    JsonNode problem = json(answer);
                    softly.assertThat(problem.path("type").asString()).as(label).isEqualTo(PROBLEMS + "invalid-state");
                    softly.assertThat(problem.path("current_status").asString()).as(label).isEqualTo(current.name());
                    softly.assertThat(status(orderId)).as(label + ": unchanged").isEqualTo(current.name());
                    softly.assertThat(outboxRows("order-status-updated", orderId)).as(label).isZero();
                    softly.assertThat(historyRows(orderId, action.to().name())).as(label).isZero();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void anAdminWithAnOldVersionGetsConcurrentModification() {
        UUID orderId = seedOrder(UUID.randomUUID(), OrderStatus.PAID);
        JsonNode stale = body(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "ON_DELIVERY", "version", 7)), 409);
        assertThat(stale.path("type").asString()).isEqualTo(PROBLEMS + "concurrent-modification");
        assertThat(stale.path("current_version").asInt()).isEqualTo(1);
        assertThat(status(orderId)).isEqualTo("PAID");
        body(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "ON_DELIVERY", "version", 1)), 200);
    }

    @Test
    void paymentEventsThatDoNotApplyChangeNothing() {
        UUID user = UUID.randomUUID();
        UUID awaiting = placeOrder(user);
        UUID paymentId = UUID.randomUUID();

        // An approval before the upload was registered, and a rejection: not applicable to PENDING_PAYMENT.
        publishPayment(paymentId, awaiting, user, PaymentStatus.APPROVED, null);
        awaitHandled(publishPayment(paymentId, awaiting, user, PaymentStatus.REJECTED, "no"));
        // Another user's payment for this order, and a payment for an order this service does not know.
        awaitHandled(publishPayment(UUID.randomUUID(), awaiting, UUID.randomUUID(), PaymentStatus.PENDING, null));
        awaitHandled(publishPayment(UUID.randomUUID(), UUID.randomUUID(), user, PaymentStatus.PENDING, null));

        assertThat(status(awaiting)).isEqualTo("PENDING_PAYMENT");
        assertThat(outboxRows("order-status-updated", awaiting)).isZero();

        // Submitted with one payment: a decision about another payment is ignored.
        awaitHandled(publishPayment(paymentId, awaiting, user, PaymentStatus.PENDING, null));
        awaitHandled(publishPayment(UUID.randomUUID(), awaiting, user, PaymentStatus.APPROVED, null));
        assertThat(status(awaiting)).isEqualTo("PAYMENT_SUBMITTED");
        assertThat(outboxRows("order-status-updated", awaiting)).isEqualTo(1);
        assertThat(outboxRows("sale-created", awaiting)).isZero();
    }
}
