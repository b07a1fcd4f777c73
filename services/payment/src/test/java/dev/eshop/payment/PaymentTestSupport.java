package dev.eshop.payment;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.DeliveryAddress;
import dev.eshop.platform.events.order.OrderCreated;
import dev.eshop.platform.events.order.OrderLine;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.Shipment;
import dev.eshop.platform.events.order.StatusChangeReason;
import dev.eshop.platform.events.payment.PaymentUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithMariaDb;
import dev.eshop.platform.testing.WithS3;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment service on a random port, with a MariaDB database (through the MySQL driver), Kafka topics
 * and an S3 bucket of its own (one of each per test class), and helpers to drive it the way customers,
 * admins and the order service do: order events are published into Kafka exactly as order publishes them.
 */
@SpringBootTest(classes = PaymentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithMariaDb
@WithKafka
@WithS3
public abstract class PaymentTestSupport {

    protected static final String PROBLEMS = "https://eshop.example/problems/";

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    protected static final BigDecimal TOTAL = new BigDecimal("68605.00");

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    EventConsumers consumers;

    protected RestTestClient client;

    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        client = TestHttp.client(port);
        kafka = KafkaTestClient.of(environment);
        await().atMost(PATIENCE).until(consumers::assigned);
    }

    // Callers

    protected static String customer(UUID userId) {
        return "Bearer " + TestTokens.customer(userId);
    }

    protected static String admin(UUID adminId) {
        return "Bearer " + TestTokens.token().subject(adminId.toString()).roles("ADMIN").claim("name", "Ada Admin").mint();
    }

    protected static String admin() {
        return admin(UUID.randomUUID());
    }

    // Order events, as the order service publishes them

    /** A new order of this customer, awaiting payment until tomorrow, once payment has its copy. */
    protected UUID order(UUID customerId) {
        UUID orderId = UUID.randomUUID();
        awaitHandled(publishOrderCreated(orderId, customerId, Instant.now().plus(Duration.ofHours(24))));
        return orderId;
    }

    protected UUID publishOrderCreated(UUID orderId, UUID customerId, Instant paymentDueAt) {
        return kafka.publishEvent("order-created", "eshop.order.created.v1", orderId.toString(),
                orderCreatedJson(orderId, customerId, paymentDueAt));
    }

    protected static String orderCreatedJson(UUID orderId, UUID customerId, Instant paymentDueAt) {
        UUID product = UUID.fromString("0193a1f2-3c4d-7e5f-8a6b-7c8d9e0f1a2b");
        return EventJson.write(new OrderCreated(orderId, customerId, OrderStatus.PENDING_PAYMENT, "USD", new BigDecimal("68500.00"),
                new BigDecimal("105.00"), TOTAL, paymentDueAt,
                new DeliveryAddress("12 Harbor Road", "Springfield", "IL", "10000", null),
                List.of(new OrderLine(product, "SKU-7KQ2M9XD", "Mazda CX-60", UUID.randomUUID(), "SUV", 1,
                        new BigDecimal("68500.00"), new BigDecimal("68500.00"))),
                List.of(new Shipment(UUID.randomUUID(), "Central", "10250", 1, new BigDecimal("105.00"),
                        List.of(new Shipment.Item(product, 1)))),
                Instant.now()));
    }

    /** Publishes {@code order-status-updated}; returns its ce_id. */
    protected UUID publishStatus(UUID orderId, UUID customerId, OrderStatus status, OrderStatus previous, long version) {
        return kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(),
                statusJson(orderId, customerId, status, previous, version));
    }

    protected static String statusJson(UUID orderId, UUID customerId, OrderStatus status, OrderStatus previous, long version) {
        StatusChangeReason reason = switch (status) {
            case PAYMENT_SUBMITTED -> StatusChangeReason.PAYMENT_SUBMITTED;
            case PAID -> StatusChangeReason.PAYMENT_APPROVED;
            case REJECTED -> StatusChangeReason.PAYMENT_REJECTED;
            case EXPIRED -> StatusChangeReason.DEADLINE_PASSED;
            case CANCELLED -> StatusChangeReason.CANCELLED_BY_CUSTOMER;
            case ON_DELIVERY -> StatusChangeReason.SHIPPED;
            default -> StatusChangeReason.DELIVERY_CONFIRMED;
        };
        ChangedByRole role = status == OrderStatus.CANCELLED ? ChangedByRole.CUSTOMER : ChangedByRole.SYSTEM;
        return EventJson.write(new OrderStatusUpdated(orderId, customerId, status, previous, reason, null,
                role == ChangedByRole.CUSTOMER ? customerId : null, role, version, Instant.now()));
    }

    /** The order registered the payment (as order does after payment-updated PENDING), once payment's copy says so. */
    protected void orderRegistersPayment(UUID orderId, UUID customerId) {
        awaitHandled(publishStatus(orderId, customerId, OrderStatus.PAYMENT_SUBMITTED, OrderStatus.PENDING_PAYMENT, 2));
    }

    /** Waits until the service has handled the event with this ce_id. */
    protected void awaitHandled(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?")
                .param(eventId.toString()).query(Integer.class).single() == 1);
    }

    protected String orderStatus(UUID orderId) {
        return jdbc.sql("SELECT status FROM payment_orders WHERE order_id = ?").param(orderId.toString()).query(String.class)
                .optional().orElse(null);
    }

    // Uploads

    protected ResponseSpec upload(String token, UUID orderId, byte[] image, String fileName) {
        return upload(token, orderId == null ? null : orderId.toString(), image, fileName, null, null);
    }

    protected ResponseSpec upload(String token, String orderId, byte[] image, String fileName, String note, String idempotencyKey) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        if (orderId != null) {
            body.part("order_id", orderId);
        }
        if (image != null) {
            body.part("image", new ByteArrayResource(image) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            }).contentType(fileName.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG);
        }
        if (note != null) {
            body.part("note", note);
        }
        var request = client.post().uri("/v1/payments").header(HttpHeaders.AUTHORIZATION, token);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
    }

    /** Uploads a small PNG for the order as its owner; returns the new payment's id. */
    protected UUID uploaded(UUID customerId, UUID orderId) {
        JsonNode payment = upload(customer(customerId), orderId, png(60, 40), "receipt.png").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(payment.get("id").asString());
    }

    protected ResponseSpec get(String token, String path) {
        var request = client.get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return request.exchange();
    }

    protected ResponseSpec post(String token, String path, String json) {
        return client.post().uri(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange();
    }

    protected JsonNode json(ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    // What was stored and published

    protected int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    protected String paymentStatus(UUID paymentId) {
        return jdbc.sql("SELECT status FROM payments WHERE id = ?").param(paymentId.toString()).query(String.class).single();
    }

    /** The keys of every object in this class's bucket. */
    protected List<String> bucketKeys() {
        String bucket = environment.getRequiredProperty("eshop.s3.bucket");
        List<String> keys = new ArrayList<>();
        S3Engine.get().client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(object -> keys.add(object.key()));
        return keys;
    }

    /** Every {@code payment-updated} of a payment, once there are at least {@code expected} of them (and a moment more for extras). */
    protected List<ConsumerRecord<String, byte[]>> paymentEvents(UUID paymentId, int expected) {
        String key = paymentId.toString();
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            seen.clear();
            kafka.read("payment-updated", Duration.ofSeconds(10),
                            records -> records.stream().filter(r -> key.equals(r.key())).count() >= expected)
                    .stream().filter(r -> key.equals(r.key())).forEach(seen::add);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(expected);
        });
        // Anything published twice would be there by now: the relay sends in one round.
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
        List<ConsumerRecord<String, byte[]>> all = kafka.read("payment-updated", Duration.ofSeconds(2), records -> false).stream()
                .filter(r -> key.equals(r.key())).toList();
        return all;
    }

    protected static PaymentUpdated event(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), PaymentUpdated.class);
    }

    // Images

    protected static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    protected static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    protected static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1E5AA8));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("ref 55120", 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
