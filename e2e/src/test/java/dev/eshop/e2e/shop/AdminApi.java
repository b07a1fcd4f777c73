package dev.eshop.e2e.shop;

import dev.eshop.platform.local.CodeFlowLogin;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What the demo admin does while a browser journey looks at an order, through the services' APIs as
 * the admin app calls them: deciding on the receipt (payment), shipping and marking delivered (order).
 * The admin app's own pages have browser journeys of their own.
 */
public final class AdminApi {

    public static final String ADMIN_EMAIL = "admin@eshop.test";
    public static final String ADMIN_PASSWORD = "admin-password-2026";
    /** How long a service may take to learn of an order's change from another by an event. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private final RestClient payments;
    private final RestClient orders;

    private AdminApi(RestClient payments, RestClient orders) {
        this.payments = payments;
        this.orders = orders;
    }

    /** Signs the demo admin in as the admin app does (code flow), for a token payment and order accept. */
    public static AdminApi of(LaunchedShop shop) {
        String token = CodeFlowLogin.at(shop.url("auth"))
                .client("admin", shop.secret("admin-client-secret"), shop.url("admin") + "/login/oauth2/code/eshop")
                .login(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken();
        return new AdminApi(client(shop.url("payment"), token), client(shop.url("order"), token));
    }

    private static RestClient client(String baseUrl, String token) {
        return RestClient.builder().baseUrl(baseUrl).defaultHeader("Authorization", "Bearer " + token).build();
    }

    /**
     * Approves the receipt uploaded for the order; the payment's id. Payment takes a review once its copy
     * of the order shows the receipt (normally a second after the upload), so a 409 is tried again.
     */
    public String approvePaymentOf(String orderId) {
        return decide(orderId, "APPROVED", "Transfer received.");
    }

    /** Rejects the receipt uploaded for the order, with the note the customer reads; the payment's id. */
    public String rejectPaymentOf(String orderId, String note) {
        return decide(orderId, "REJECTED", note);
    }

    /** Ships a paid order with a tracking note, once order has learnt of the payment (a 409 until then). */
    public void ship(String orderId, String note) {
        changeStatus(orderId, Map.of("status", "ON_DELIVERY", "note", note));
    }

    /** Marks an order on its way as delivered. */
    public void markDelivered(String orderId) {
        changeStatus(orderId, Map.of("status", "DELIVERED"));
    }

    /** The order's status as order has it (AWAITING_PAYMENT, PAID, ON_DELIVERY, …). */
    public String statusOf(String orderId) {
        return orders.get().uri("/v1/orders/{id}", orderId).retrieve().body(JsonNode.class).path("status").asString();
    }

    /** Waits until order has the order in this status (it learns of payment decisions by events). */
    public void awaitStatus(String orderId, String status) {
        await("order " + orderId + " to be " + status).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> statusOf(orderId), status::equals);
    }

    private String decide(String orderId, String decision, String note) {
        String paymentId = await("payment to list the receipt of order " + orderId).atMost(EVENTUALLY)
                .until(() -> paymentOf(orderId), id -> id != null);
        await("payment to take the decision on " + paymentId).atMost(EVENTUALLY).until(() -> payments.post()
                .uri("/v1/payments/{id}/review", paymentId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decision", decision, "note", note))
                .exchange((request, response) -> response.getStatusCode().value()), status -> status == 200);
        return paymentId;
    }

    private void changeStatus(String orderId, Map<String, String> change) {
        await("order to take " + change + " for order " + orderId).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> orders.patch().uri("/v1/orders/{id}/status", orderId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(change)
                        .exchange((request, response) -> response.getStatusCode().value()), status -> status == 200);
    }

    private String paymentOf(String orderId) {
        JsonNode page = payments.get().uri("/v1/payments?order_id={id}", orderId).retrieve().body(JsonNode.class);
        JsonNode items = page.path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asString();
    }
}
