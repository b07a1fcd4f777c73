package dev.eshop.cart.checkout;

import dev.eshop.platform.web.client.ServiceClients;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one call cart makes: order's {@code POST /v1/orders} (spec/services.md §4.3–4.4), with this service's
 * client-credentials token (client {@code cart-service}, scope {@code orders.create}) and the customer's
 * Idempotency-Key. Not retried here (a POST): the client retries the checkout with the same key, and order
 * answers the existing order. No answer, a 5xx, or order refusing this service's own token → 503
 * {@code dependency-unavailable}; any other 4xx problem is passed on unchanged ({@code ServiceClients}).
 */
@Component
class OrderClient {

    /** What order is sent. */
    record OrderRequest(UUID userId, String customerEmail, String customerName, List<Line> lines, CheckoutRequest.Address address,
                        BigDecimal expectedTotal) {
    }

    record Line(UUID productId, int quantity) {
    }

    /** What cart reads of order's OrderDetail answer (the rest is ignored). */
    record PlacedOrder(UUID id, String status, BigDecimal total, Instant paymentDueAt, List<Line> lines) {

        List<UUID> productIds() {
            return lines == null ? List.of() : lines.stream().map(Line::productId).toList();
        }
    }

    private final RestClient order;

    OrderClient(ServiceClients clients, Environment environment) {
        String secret = environment.getProperty("eshop.clients.oauth.client-secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("eshop.clients.oauth.client-secret (ESHOP_CLIENTS_OAUTH_CLIENTSECRET) is required: "
                    + "the cart service needs it to call order at checkout");
        }
        this.order = clients.create("order");
    }

    PlacedOrder place(String idempotencyKey, OrderRequest request) {
        return order.post().uri("/v1/orders")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(PlacedOrder.class);
    }
}
