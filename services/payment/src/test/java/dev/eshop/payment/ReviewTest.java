package dev.eshop.payment;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.events.payment.PaymentUpdated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins review proofs (services.md §5.3-5.4, flows.md §1.6, §1.11, §2.2): approve or reject (a note is
 * required to reject), published as {@code payment-updated} with the note and the reviewer; a decision
 * is final; a review waits until the order copy is PAYMENT_SUBMITTED. And the lists: the review queue,
 * a customer's own payments, filters and paging.
 */
class ReviewTest extends PaymentTestSupport {

    @Test
    void anApprovalIsPublishedWithTheNoteAndTheReviewer() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);
        orderRegistersPayment(orderId, alice);
        UUID adminId = UUID.randomUUID();

        JsonNode approved = json(post(admin(adminId), "/v1/payments/" + id + "/review",
                "{\"decision\":\"APPROVED\",\"note\":\"  Amount matches the transfer.  \"}").expectStatus().isOk());
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("admin_note").asString()).isEqualTo("Amount matches the transfer.");
        assertThat(approved.get("reviewed_by").asString()).isEqualTo(adminId.toString());
        assertThat(approved.get("reviewed_by_name").asString()).isEqualTo("Ada Admin");
        assertThat(approved.get("order").get("status").asString()).isEqualTo("PAYMENT_SUBMITTED");
        Instant reviewedAt = Instant.parse(approved.get("reviewed_at").asString());

        List<PaymentUpdated> events = paymentEvents(id, 2).stream().map(PaymentTestSupport::event).toList();
        assertThat(events).extracting(PaymentUpdated::status).containsExactly(PaymentStatus.PENDING, PaymentStatus.APPROVED);
        PaymentUpdated event = events.get(1);
        assertThat(event.adminNote()).isEqualTo("Amount matches the transfer.");
        assertThat(event.reviewedBy()).isEqualTo(adminId);
        assertThat(event.reviewedAt()).isEqualTo(reviewedAt);
        assertThat(event.updatedAt()).isEqualTo(reviewedAt);
        assertThat(event.amount()).isEqualTo(TOTAL);
        assertThat(event.createdAt()).isEqualTo(events.get(0).createdAt());

        // Deciding again, either way, is refused and changes nothing.
        post(admin(), "/v1/payments/" + id + "/review", "{\"decision\":\"REJECTED\",\"note\":\"Changed my mind\"}")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("APPROVED");
        post(admin(), "/v1/payments/" + id + "/review", "{\"decision\":\"APPROVED\"}").expectStatus().isEqualTo(409);
        assertThat(paymentStatus(id)).isEqualTo("APPROVED");
        assertThat(paymentEvents(id, 2)).hasSize(2);
        get(customer(alice), "/v1/payments/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.reviewed_by_name").isEqualTo("Ada Admin");
    }

    @Test
    void aRejectionNeedsANote() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);
        orderRegistersPayment(orderId, alice);
        String path = "/v1/payments/" + id + "/review";

        post(admin(), path, "{\"decision\":\"REJECTED\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("note");
        post(admin(), path, "{\"decision\":\"REJECTED\",\"note\":\"   \"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("note");
        post(admin(), path, "{\"decision\":\"REJECTED\",\"note\":\"" + "x".repeat(501) + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        post(admin(), path, "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("decision");
        post(admin(), path, "{\"decision\":\"PENDING\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        post(admin(), path, "{\"decision\":\"MAYBE\",\"note\":\"?\"}").expectStatus().isBadRequest();
        post(admin(), "/v1/payments/" + UUID.randomUUID() + "/review", "{\"decision\":\"APPROVED\"}").expectStatus().isNotFound();
        assertThat(paymentStatus(id)).isEqualTo("PENDING");

        String note = "The amount on the receipt is $68,000.00; the order total is $68,605.00.";
        post(admin(), path, "{\"decision\":\"REJECTED\",\"note\":\"" + note + "\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REJECTED").jsonPath("$.admin_note").isEqualTo(note);
        PaymentUpdated rejected = event(paymentEvents(id, 2).get(1));
        assertThat(rejected.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(rejected.adminNote()).isEqualTo(note);
        assertThat(rejected.reviewedBy()).isNotNull();
    }

    @Test
    void aReviewWaitsUntilTheOrderHasRegisteredThePayment() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID id = uploaded(alice, orderId);
        String path = "/v1/payments/" + id + "/review";

        post(admin(), path, "{\"decision\":\"APPROVED\"}").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.detail").isEqualTo("The order has not registered this payment yet. Try again in a moment.");
        assertThat(paymentStatus(id)).isEqualTo("PENDING");
        assertThat(paymentEvents(id, 1)).hasSize(1);

        orderRegistersPayment(orderId, alice);
        post(admin(), path, "{\"decision\":\"APPROVED\"}").expectStatus().isOk();
    }

    @Test
    void aProofRejectedBecauseItsOrderClosedCannotBeReviewed() {
        UUID alice = UUID.randomUUID();
        UUID expired = order(alice);
        UUID late = uploaded(alice, expired);
        awaitHandled(publishStatus(expired, alice, OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT, 2));
        post(admin(), "/v1/payments/" + late + "/review", "{\"decision\":\"APPROVED\"}").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.current_status").isEqualTo("REJECTED")
                .jsonPath("$.detail").isEqualTo("This order has expired.");

        UUID cancelled = order(alice);
        UUID raced = uploaded(alice, cancelled);
        awaitHandled(publishStatus(cancelled, alice, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, 2));
        post(admin(), "/v1/payments/" + raced + "/review", "{\"decision\":\"APPROVED\"}").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").isEqualTo("This order was cancelled.");
    }

    @Test
    void customersListTheirOwnPaymentsAndAdminsAllOfThem() {
        UUID carol = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        List<UUID> carols = new ArrayList<>();
        List<UUID> carolOrders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID orderId = order(carol);
            carolOrders.add(orderId);
            carols.add(uploaded(carol, orderId));
        }
        UUID daveOrder = order(dave);
        UUID daves = uploaded(dave, daveOrder);
        orderRegistersPayment(carolOrders.getFirst(), carol);
        post(admin(), "/v1/payments/" + carols.getFirst() + "/review", "{\"decision\":\"APPROVED\"}").expectStatus().isOk();

        // A customer: only their own, newest first.
        JsonNode page = json(get(customer(carol), "/v1/payments").expectStatus().isOk());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(carols.get(2), carols.get(1), carols.get(0));
        assertThat(page.get("items").get(0).get("order").get("status").asString()).isEqualTo("PENDING_PAYMENT");
        page = json(get(customer(carol), "/v1/payments?size=2&page=1").expectStatus().isOk());
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(carols.get(0));
        assertThat(ids(json(get(customer(carol), "/v1/payments?order_id=" + daveOrder)))).isEmpty();
        assertThat(ids(json(get(customer(dave), "/v1/payments")))).containsExactly(daves);

        // An admin: everyone's; the review queue is the oldest PENDING first.
        JsonNode queue = json(get(admin(), "/v1/payments?status=PENDING&sort=created_at,asc&size=100").expectStatus().isOk());
        List<UUID> pending = ids(queue);
        assertThat(pending).containsSubsequence(carols.get(1), carols.get(2), daves).doesNotContain(carols.getFirst());
        assertThat(ids(json(get(admin(), "/v1/payments?status=APPROVED&status=REJECTED&size=100")))).contains(carols.getFirst())
                .doesNotContain(carols.get(1), daves);
        assertThat(ids(json(get(admin(), "/v1/payments?order_id=" + daveOrder)))).containsExactly(daves);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(json(get(admin(), "/v1/payments?size=100&from=" + today + "&to=" + today)))).contains(daves, carols.get(0));
        assertThat(ids(json(get(admin(), "/v1/payments?from=" + today.plusDays(1))))).isEmpty();
        assertThat(ids(json(get(admin(), "/v1/payments?to=" + today.minusDays(1))))).isEmpty();
        JsonNode empty = json(get(customer(UUID.randomUUID()), "/v1/payments").expectStatus().isOk());
        assertThat(empty.get("items").isArray()).isTrue();
        assertThat(empty.get("total").asLong()).isZero();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
        return ids;
    }
}
