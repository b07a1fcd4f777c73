package dev.eshop.e2e.admin;

import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.e2e.shop.Receipts;
import dev.eshop.platform.local.CodeFlowLogin;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The customer's side of a sale, over the services' APIs as the storefront calls them: sign up, sign
 * in, put a vehicle in the cart, check out and upload a transfer receipt. The admin side is what the
 * browser tests look at.
 */
final class ShopCustomer {

    static final String PASSWORD = "a long customer password 2026";

    private final LaunchedShop shop;
    private final String email;
    private final String token;

    private ShopCustomer(LaunchedShop shop, String email, String token) {
        this.shop = shop;
        this.email = email;
        this.token = token;
    }

    /** A new customer account, signed in. */
    static ShopCustomer signUp(LaunchedShop shop, String name) {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        RestClient.create(shop.url("auth")).post().uri("/v1/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "name", name, "password", PASSWORD))
                .retrieve().toBodilessEntity();
        return new ShopCustomer(shop, email, token(shop, email, PASSWORD));
    }

    /** An access token of the storefront's client, as the storefront holds it after sign-in. */
    static String token(LaunchedShop shop, String email, String password) {
        return CodeFlowLogin.at(shop.url("auth"))
                .client("storefront", shop.secret("storefront-client-secret"), shop.url("storefront") + "/login/oauth2/code/eshop")
                .login(email, password).accessToken();
    }

    /** A vehicle of the demo catalogue that is in stock: its id. */
    static String anyVehicleInStock(LaunchedShop shop) {
        JsonNode page = RestClient.create(shop.url("product")).get().uri("/v1/products?in_stock=true&sort=price,asc&size=1")
                .retrieve().body(JsonNode.class);
        return page.path("items").get(0).path("id").asString();
    }

    String email() {
        return email;
    }

    /**
     * Orders {@code quantity} of one vehicle, delivered to {@code zip}; the order's id. The cart learns
     * of a new product by an event, so adding it is tried until the cart knows it.
     */
    String order(String productId, int quantity, String zip) {
        RestClient cart = client("cart");
        await("the cart to take product " + productId).atMost(AdminApp.EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> cart.post().uri("/v1/carts/me/lines").header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("product_id", productId, "quantity", quantity))
                        .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()));
        JsonNode order = cart.post().uri("/v1/carts/checkout").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("address", Map.of("street", "12 Admin Test Road", "city", "Springfield", "state", "IL", "zip_code", zip)))
                .retrieve().body(JsonNode.class);
        return order.path("order_id").asString();
    }

    /** Uploads a transfer receipt for the order, once payment has learnt of it; the payment's id. */
    String uploadReceipt(String orderId, String note) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("order_id", orderId);
        parts.part("note", note);
        parts.part("image", new ByteArrayResource(Receipts.png()) {
            @Override
            public String getFilename() {
                return "receipt.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        RestClient payments = client("payment");
        AtomicReference<String> paymentId = new AtomicReference<>();
        await("payment to accept the receipt for order " + orderId).atMost(AdminApp.EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> payments.post().uri("/v1/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                        .exchange((request, response) -> {
                            if (response.getStatusCode().value() == 201) {
                                paymentId.set(response.bodyTo(JsonNode.class).path("id").asString());
                                return true;
                            }
                            return false;
                        }));
        return paymentId.get();
    }

    private RestClient client(String service) {
        return RestClient.builder().baseUrl(shop.url(service)).defaultHeader("Authorization", "Bearer " + token).build();
    }
}
