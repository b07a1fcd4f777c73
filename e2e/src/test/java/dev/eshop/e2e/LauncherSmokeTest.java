package dev.eshop.e2e;

import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.launcher.demo.Api;
import dev.eshop.launcher.demo.VehiclePainter;
import dev.eshop.launcher.services.ServiceCatalog;
import dev.eshop.platform.local.CodeFlowLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.eshop.launcher.demo.Api.expect;
import static dev.eshop.launcher.demo.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The launcher as a person runs it, until it says it is ready; then a customer's whole journey over
 * HTTP — sign up, sign in through the code flow, browse, add to the cart, check out, upload a transfer
 * receipt, the demo admin approves it, the order is PAID and the sale is in the report; then SIGTERM,
 * after which no process the launcher started and no port it used may remain.
 */
class LauncherSmokeTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theWholeShopStartsServesACustomerAndStopsLeavingNothingBehind() throws Exception {
        try (LaunchedShop shop = LaunchedShop.start("launcher-smoke")) {
            try {
                assertThat(shop.readyOutput()).contains("http://127.0.0.1:" + shop.ports().get("auth"),
                        ServiceCatalog.ADMIN_EMAIL, ServiceCatalog.ADMIN_PASSWORD, ServiceCatalog.CUSTOMER_EMAIL);
                List<ProcessHandle> children = shop.process().descendants().toList();
                assertThat(children).as("the launcher's child processes").hasSizeGreaterThanOrEqualTo(9);

                journey(shop);

                Instant stopping = Instant.now();
                assertThat(shop.stop(Duration.ofMinutes(3))).as("the launcher stops on SIGTERM").isTrue();
                System.out.println("Launcher stopped " + Duration.between(stopping, Instant.now()).toMillis() + " ms after SIGTERM");
                for (ProcessHandle child : children) {
                    assertThat(child.isAlive()).as("child process %s (%s) still running", child.pid(),
                            child.info().command().orElse("?")).isFalse();
                }
                for (var port : shop.ports().entrySet()) {
                    assertThat(LaunchedShop.listening(port.getValue())).as("port %s (%s) still open", port.getValue(), port.getKey())
                            .isFalse();
                }
                assertThat(shop.output()).contains("Stopped.");
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- launcher output (last lines) ---\n" + shop.tail(80), e);
            }
        }
    }

    private static void journey(LaunchedShop shop) {
        String issuer = shop.url("auth");

        // Sign up, then sign in as a browser and the storefront would.
        String email = "smoke-" + UUID.randomUUID() + "@example.com";
        String password = "a long smoke test password";
        expect(new Api(issuer, null).post("/v1/users", map("email", email, "name", "Sam Smoke", "password", password)),
                201, "registration");
        String customer = CodeFlowLogin.at(issuer).client("storefront", shop.secret("storefront-client-secret"),
                shop.url("storefront") + "/login/oauth2/code/eshop").login(email, password).accessToken();

        // Browse: the demo catalogue, with pictures and stock.
        Api catalogue = new Api(shop.url("product"), null);
        JsonNode page = expect(catalogue.get("/v1/products?in_stock=true&sort=price,asc&size=50"), 200, "browsing");
        assertThat(page.path("total").asInt()).as("vehicles in stock").isGreaterThanOrEqualTo(30);
        JsonNode vehicle = page.path("items").get(0);
        String productId = vehicle.path("id").asString();
        JsonNode detail = expect(catalogue.get("/v1/products/" + productId), 200, "the product page");
        assertThat(detail.path("images").size()).isEqualTo(1);
        Api.Answer picture = new Api(detail.path("images").get(0).path("thumbnail_url").asString(), null).get("");
        assertThat(picture.status()).isEqualTo(200);

        // Cart and checkout.
        Api cart = new Api(shop.url("cart"), customer);
        eventually("the cart to take " + vehicle.path("name").asString(), () ->
                cart.postOnce("/v1/carts/me/lines", map("product_id", productId, "quantity", 1)).status() == 200);
        JsonNode order = expect(cart.postOnce("/v1/carts/checkout", map("address", map("street", "1 Smoke Lane",
                "city", "Testville", "state", "IL", "zip_code", "60614"))), 201, "checkout");
        String orderId = order.path("order_id").asString();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");

        // The transfer receipt, once payment has learnt of the order.
        Api payments = new Api(shop.url("payment"), customer);
        byte[] receipt = VehiclePainter.png("sedan", 0x808080);
        String[] paymentId = new String[1];
        eventually("payment to accept the receipt", () -> {
            Api.Answer uploaded = payments.upload("/v1/payments", Map.of("order_id", orderId, "note", "Paid by transfer"),
                    "image", "receipt.png", "image/png", receipt);
            paymentId[0] = uploaded.status() == 201 ? uploaded.json().path("id").asString() : null;
            return paymentId[0] != null;
        });

        // The demo admin approves it, once the order has taken the receipt into account.
        String admin = CodeFlowLogin.at(issuer).client("admin", shop.secret("admin-client-secret"),
                shop.url("admin") + "/login/oauth2/code/eshop").login(ServiceCatalog.ADMIN_EMAIL, ServiceCatalog.ADMIN_PASSWORD)
                .accessToken();
        Api review = new Api(shop.url("payment"), admin);
        eventually("the review to be accepted", () -> review.post("/v1/payments/" + paymentId[0] + "/review",
                map("decision", "APPROVED", "note", "Transfer received.")).status() == 200);

        Api orders = new Api(shop.url("order"), customer);
        eventually("the order to be PAID", () ->
                "PAID".equals(orders.get("/v1/orders/" + orderId).json().path("status").asString()));
        Api sales = new Api(shop.url("sales-report"), admin);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        eventually("the sale to reach the report", () -> expect(sales.get("/v1/sales?order_id=" + orderId
                + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)), 200, "the sales list")
                .path("items").size() == 1);
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(EVENTUALLY);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        fail("waited " + EVENTUALLY.toSeconds() + " s for " + what);
    }
}
