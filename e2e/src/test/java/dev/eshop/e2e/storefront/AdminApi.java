package dev.eshop.e2e.storefront;

import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.platform.local.CodeFlowLogin;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * What the demo admin does at the same time as the customer, through payment's API: approving the
 * receipt of an order. The admin app has browser journeys of its own.
 */
final class AdminApi {

    static final String ADMIN_EMAIL = "admin@eshop.test";
    static final String ADMIN_PASSWORD = "admin-password-2026";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private final RestClient payments;

    private AdminApi(RestClient payments) {
        this.payments = payments;
    }

    /** Signs the demo admin in as the admin app does (code flow), for a token payment accepts. */
    static AdminApi of(LaunchedShop shop) {
        String token = CodeFlowLogin.at(shop.url("auth"))
                .client("admin", shop.secret("admin-client-secret"), shop.url("admin") + "/login/oauth2/code/eshop")
                .login(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken();
        return new AdminApi(RestClient.builder().baseUrl(shop.url("payment"))
                .defaultHeader("Authorization", "Bearer " + token).build());
    }

    /**
     * Approves the receipt uploaded for the order. Payment takes a review once its copy of the order
     * shows the receipt (normally a second after the upload), so a 409 is tried again.
     */
    void approvePaymentOf(String orderId) {
        String paymentId = await("payment to list the receipt of order " + orderId).atMost(EVENTUALLY)
                .until(() -> paymentOf(orderId), id -> id != null);
        await("payment to take the approval of " + paymentId).atMost(EVENTUALLY).until(() -> payments.post()
                .uri("/v1/payments/{id}/review", paymentId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decision", "APPROVED", "note", "Transfer received."))
                .exchange((request, response) -> response.getStatusCode().value()), status -> status == 200);
    }

    private String paymentOf(String orderId) {
        JsonNode page = payments.get().uri("/v1/payments?order_id={id}", orderId).retrieve().body(JsonNode.class);
        JsonNode items = page.path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asString();
    }
}
