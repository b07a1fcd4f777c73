package dev.eshop.payment;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.events.payment.PaymentUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.S3Engine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer uploads a proof for their order (services.md §5.3-5.4, flows.md §1.5): stored in S3 under a
 * generated key, announced once as {@code payment-updated} PENDING, streamed only to its owner and admins;
 * each refusal of §5.4 in its turn (404 unknown order, 403 another's order, 409 closed order or deadline,
 * 409 second proof), one winner among concurrent uploads, and Idempotency-Key replays.
 */
class ProofUploadTest extends PaymentTestSupport {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anUploadIsStoredPrivatelyAndAnnouncedOnceAsPending() throws IOException {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        byte[] image = png(640, 480);

        var created = upload(customer(alice), orderId.toString(), image, "../../etc/receipt.png",
                "  Transfer from First Bank, ref 55120  ", UUID.randomUUID().toString()).expectStatus().isCreated();
        JsonNode payment = json(created);
        UUID id = UUID.fromString(payment.get("id").asString());
        assertThat(id.version()).isEqualTo(7);
        created.expectHeader().valueEquals(HttpHeaders.LOCATION, "/v1/payments/" + id);
        assertThat(payment.get("order_id").asString()).isEqualTo(orderId.toString());
        assertThat(payment.get("user_id").asString()).isEqualTo(alice.toString());
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo(TOTAL);
        assertThat(payment.get("customer_note").asString()).isEqualTo("Transfer from First Bank, ref 55120");
        assertThat(payment.get("admin_note").isNull()).isTrue();
        assertThat(payment.get("reviewed_by").isNull()).isTrue();
        assertThat(payment.get("reviewed_at").isNull()).isTrue();
        assertThat(payment.get("image_url").asString()).isEqualTo("/v1/payments/" + id + "/image");
        assertThat(payment.get("thumbnail_url").asString()).isEqualTo("/v1/payments/" + id + "/image?variant=thumbnail");
        assertThat(payment.get("order").get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(payment.get("order").get("total").decimalValue()).isEqualByComparingTo(TOTAL);
        assertThat(payment.get("order").get("payment_due_at").asString()).endsWith("Z");

        // Generated keys, never the client's file name; the type from the bytes.
        Map<String, Object> row = jdbc.sql("SELECT image_key, thumbnail_key, image_content_type, image_size FROM payments WHERE id = ?")
                .param(id.toString()).query().singleRow();
        assertThat((String) row.get("image_key")).matches("payment-proofs/\\d{4}/\\d{2}/" + id);
        assertThat(row.get("thumbnail_key")).isEqualTo(row.get("image_key") + "-thumb");
        assertThat(row.get("image_content_type")).isEqualTo("image/png");
        assertThat(((Number) row.get("image_size")).intValue()).isEqualTo(image.length);
        assertThat(bucketKeys()).contains((String) row.get("image_key"), (String) row.get("thumbnail_key"));
        var stored = S3Engine.get().client().headObject(head -> head.bucket(environment.getRequiredProperty("eshop.s3.bucket"))
                .key((String) row.get("image_key")));
        assertThat(stored.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(stored.contentType()).isEqualTo("image/png");

        // payment-updated PENDING, once, with the payload of events.md §3.7.
        List<ConsumerRecord<String, byte[]>> events = paymentEvents(id, 1);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, byte[]> record = events.getFirst();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("eshop.payment.updated.v1");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(id.toString());
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/eshop/payment");
        JsonNode value = JSON.readTree(KafkaTestClient.value(record));
        assertThat(value.propertyNames()).containsExactlyInAnyOrder("payment_id", "order_id", "user_id", "status", "amount",
                "customer_note", "admin_note", "reviewed_by", "reviewed_at", "created_at", "updated_at");
        assertThat(KafkaTestClient.value(record)).contains("\"amount\":68605.00");
        assertThat(value.get("admin_note").isNull()).isTrue();
        assertThat(value.get("reviewed_by").isNull()).isTrue();
        assertThat(value.get("reviewed_at").isNull()).isTrue();
        PaymentUpdated event = event(record);
        assertThat(event.paymentId()).isEqualTo(id);
        assertThat(event.orderId()).isEqualTo(orderId);
        assertThat(event.userId()).isEqualTo(alice);
        assertThat(event.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(event.amount()).isEqualTo(TOTAL);
        assertThat(event.customerNote()).isEqualTo("Transfer from First Bank, ref 55120");
        assertThat(event.createdAt()).isEqualTo(Instant.parse(payment.get("created_at").asString()));
        assertThat(event.updatedAt()).isEqualTo(event.createdAt());

        // The image: to its owner and admins only, with the headers of §5.3.
        byte[] original = get(customer(alice), "/v1/payments/" + id + "/image").expectStatus().isOk()
                .expectHeader().contentType("image/png")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(original).isEqualTo(image);
        byte[] thumbnail = get(customer(alice), "/v1/payments/" + id + "/image?variant=thumbnail").expectStatus().isOk()
                .expectHeader().contentType("image/jpeg")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .expectBody(byte[].class).returnResult().getResponseBody();
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
        get(admin(), "/v1/payments/" + id + "/image").expectStatus().isOk().expectBody(byte[].class).isEqualTo(image);
        get(customer(alice), "/v1/payments/" + id + "/image?variant=poster").expectStatus().isBadRequest();
        get(customer(alice), "/v1/payments/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(id.toString()).jsonPath("$.status").isEqualTo("PENDING");
        get(admin(), "/v1/payments/" + id).expectStatus().isOk();
    }

    @Test
    void aCustomerCanNeitherUploadForNorSeeAnotherCustomersOrder() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID aliceOrder = order(alice);

        upload(customer(bob), aliceOrder, png(20, 20), "receipt.png").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        // Ownership is decided before the image is looked at (§5.4): a PDF gets the same 403.
        upload(customer(bob), aliceOrder, PDF, "receipt.jpg").expectStatus().isForbidden();
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", aliceOrder.toString())).isZero();

        UUID id = uploaded(alice, aliceOrder);
        get(customer(bob), "/v1/payments/" + id).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        get(customer(bob), "/v1/payments/" + id + "/image").expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");
        get(customer(bob), "/v1/payments/" + id + "/image?variant=thumbnail").expectStatus().isForbidden();
        get(customer(bob), "/v1/payments?order_id=" + aliceOrder).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        get(customer(bob), "/v1/payments/" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void aSecondProofForTheSameOrderIsADuplicate() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        UUID first = uploaded(alice, orderId);
        List<String> stored = bucketKeys();

        upload(customer(alice), orderId, jpeg(50, 50), "again.jpg").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate")
                .jsonPath("$.field").isEqualTo("order_id")
                .jsonPath("$.detail").isEqualTo("A payment proof was already uploaded for this order.");
        // The duplicate check comes before the image checks.
        upload(customer(alice), orderId, PDF, "again.jpg").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate");

        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId.toString())).isEqualTo(1);
        assertThat(bucketKeys()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(paymentEvents(first, 1)).hasSize(1);

        // Once the order has registered the proof, the order's state is what refuses another one.
        orderRegistersPayment(orderId, alice);
        upload(customer(alice), orderId, png(20, 20), "third.png").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("PAYMENT_SUBMITTED");
    }

    @Test
    void anOrderThatExpiredWasCancelledOrIsPastItsDeadlineTakesNoProof() {
        UUID alice = UUID.randomUUID();

        UUID late = UUID.randomUUID();
        awaitHandled(publishOrderCreated(late, alice, Instant.now().minus(Duration.ofMinutes(1))));
        upload(customer(alice), late, png(20, 20), "receipt.png").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.detail").isEqualTo("The payment window for this order has closed.");

        UUID expired = order(alice);
        awaitHandled(publishStatus(expired, alice, OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT, 2));
        upload(customer(alice), expired, png(20, 20), "receipt.png").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("EXPIRED")
                .jsonPath("$.detail").isEqualTo("The payment window for this order has closed.");

        UUID cancelled = order(alice);
        awaitHandled(publishStatus(cancelled, alice, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, 2));
        upload(customer(alice), cancelled, PDF, "receipt.jpg").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("CANCELLED")
                .jsonPath("$.detail").isEqualTo("This order was cancelled.");

        assertThat(count("SELECT count(*) FROM payments WHERE order_id IN (?, ?, ?)", late.toString(), expired.toString(),
                cancelled.toString())).isZero();
    }

    @Test
    void anOrderPaymentHasNotHeardOfYetIs404WithAHint() {
        UUID alice = UUID.randomUUID();
        String detail = "This order is not known to payments yet. Try again in a minute.";

        upload(customer(alice), UUID.randomUUID(), PDF, "receipt.jpg").expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found")
                .jsonPath("$.detail").isEqualTo(detail);

        // Only a status change seen so far (a lagging order-created): no total nor deadline yet, so still not
        // known (events.md §3.6); once order-created is in, the kept newer status decides.
        UUID orderId = UUID.randomUUID();
        awaitHandled(publishStatus(orderId, alice, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, 2));
        upload(customer(alice), orderId, png(20, 20), "receipt.png").expectStatus().isNotFound().expectBody()
                .jsonPath("$.detail").isEqualTo(detail);
        awaitHandled(publishOrderCreated(orderId, alice, Instant.now().plus(Duration.ofHours(1))));
        upload(customer(alice), orderId, png(20, 20), "receipt.png").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.current_status").isEqualTo("CANCELLED");
    }

    @Test
    void twoConcurrentUploadsForOneOrderGiveOneProof() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        List<String> before = bucketKeys();
        int rounds = 2;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(rounds);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                byte[] image = png(300 + i, 200);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return upload(customer(alice), orderId, image, "receipt.png").returnResult(String.class).getStatus().value();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
        }
        finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId.toString())).isEqualTo(1);
        UUID id = UUID.fromString(jdbc.sql("SELECT id FROM payments WHERE order_id = ?").param(orderId.toString())
                .query(String.class).single());
        List<String> added = new ArrayList<>(bucketKeys());
        added.removeAll(before);
        assertThat(added).as("only the winner's image and thumbnail stay in S3").hasSize(2).allMatch(key -> key.contains(id.toString()));
        assertThat(paymentEvents(id, 1)).hasSize(1);
    }

    @Test
    void aRepeatedUploadWithTheSameKeyIsAnsweredFromTheRecord() {
        UUID alice = UUID.randomUUID();
        UUID orderId = order(alice);
        byte[] image = jpeg(120, 90);
        String key = UUID.randomUUID().toString();

        JsonNode first = json(upload(customer(alice), orderId.toString(), image, "r.jpg", "ref 1", key).expectStatus().isCreated());
        var repeat = upload(customer(alice), orderId.toString(), image, "r.jpg", "ref 1", key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/v1/payments/" + first.get("id").asString());
        assertThat(json(repeat).get("id").asString()).isEqualTo(first.get("id").asString());
        upload(customer(alice), orderId.toString(), image, "r.jpg", "another note", key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");

        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", orderId.toString())).isEqualTo(1);
        assertThat(paymentEvents(UUID.fromString(first.get("id").asString()), 1)).hasSize(1);
    }
}
