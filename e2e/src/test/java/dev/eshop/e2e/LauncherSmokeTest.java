package dev.eshop.e2e;

import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.e2e.shop.Receipts;
import dev.eshop.platform.local.CodeFlowLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The launcher as a person runs it, until it says it is ready, with the demo shop it promises; then a
 * customer's whole journey over HTTP — sign up, sign in through the code flow, browse, add to the cart,
 * check out, upload a transfer receipt, the demo admin approves it, the order is PAID and the sale is in
 * the report. Then the launcher is killed outright; the next one on the same data directory stops what
 * the first left running, finds the shop as it was, and after SIGTERM no process of either and no
 * port they used may remain.
 */
class LauncherSmokeTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    /** The demo accounts the README promises. */
    private static final String ADMIN_EMAIL = "admin@eshop.test";
    private static final String ADMIN_PASSWORD = "admin-password-2026";
    private static final String CUSTOMER_EMAIL = "customer@eshop.test";
    private static final String CUSTOMER_PASSWORD = "customer-password-2026";

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void theWholeShopStartsServesACustomerAndStopsLeavingNothingBehind() throws Exception {
        try (LaunchedShop shop = LaunchedShop.start("launcher-smoke")) {
            try {
                assertThat(shop.readyOutput()).contains(shop.url("storefront") + "/", shop.url("admin") + "/",
                        ADMIN_EMAIL, ADMIN_PASSWORD, CUSTOMER_EMAIL, CUSTOMER_PASSWORD);
                for (String service : List.of("auth", "product", "cart", "order", "payment", "warehouse", "sales-report",
                        "shipping-cost")) {
                    assertThat(shop.readyOutput()).as("the ready table's row for " + service)
                            .containsPattern(service + " API +" + shop.url(service) + "/swagger-ui.html");
                }
                String admin = CodeFlowLogin.at(shop.url("auth")).client("admin", shop.secret("admin-client-secret"),
                        shop.url("admin") + "/login/oauth2/code/eshop").login(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken();
                demoShop(shop, admin);
                // The demo customer the table names can sign in.
                assertThat(CodeFlowLogin.at(shop.url("auth")).client("storefront", shop.secret("storefront-client-secret"),
                        shop.url("storefront") + "/login/oauth2/code/eshop").login(CUSTOMER_EMAIL, CUSTOMER_PASSWORD).accessToken())
                        .isNotBlank();
                List<ProcessHandle> running = shop.process().descendants().toList();
                assertThat(running).as("the launcher's child processes: ten services, S3, MariaDB and Redis")
                        .hasSizeGreaterThanOrEqualTo(13);

                // A service that dies is reported and started again; checkout below needs it.
                ProcessHandle shippingCost = running.stream()
                        .filter(child -> child.info().commandLine().orElse("").contains("shipping-cost-"))
                        .findFirst().orElseThrow(() -> new AssertionError("no shipping-cost process among the launcher's children"));
                shippingCost.destroyForcibly();
                eventually("the launcher to report the crash and bring shipping-cost back", () ->
                        shop.output().contains("shipping-cost CRASHED") && shop.output().contains("shipping-cost is back"));

                String orderId = journey(shop, admin);

                // Killed outright: its services and engines keep running, and the next launcher deals with them.
                List<ProcessHandle> leftBehind = new ArrayList<>(shop.process().descendants().toList());
                shop.postgresServer().ifPresent(leftBehind::add);
                assertThat(leftBehind).as("the launcher's children, PostgreSQL's server among them")
                        .hasSizeGreaterThanOrEqualTo(14);
                shop.kill();
                assertThat(leftBehind).as("processes running after the launcher was killed").anyMatch(ProcessHandle::isAlive);
                try (LaunchedShop again = shop.startAgain("launcher-smoke-again")) {
                    try {
                        assertThat(again.output()).contains("left running when it was killed")
                                .doesNotContain("Loading the demo data");
                        for (ProcessHandle old : leftBehind) {
                            assertThat(running(old)).as("process %s left by the killed launcher", old.pid()).isFalse();
                        }
                        // The data survived: the paid order is still there.
                        String customer = CodeFlowLogin.at(again.url("auth")).client("storefront",
                                again.secret("storefront-client-secret"), again.url("storefront") + "/login/oauth2/code/eshop")
                                .login(CUSTOMER_EMAIL, CUSTOMER_PASSWORD).accessToken();
                        assertThat(customer).isNotBlank();
                        RestClient orders = client(again, "order", CodeFlowLogin.at(again.url("auth")).client("admin",
                                again.secret("admin-client-secret"), again.url("admin") + "/login/oauth2/code/eshop")
                                .login(ADMIN_EMAIL, ADMIN_PASSWORD).accessToken());
                        assertThat(get(orders, "/v1/orders/" + orderId).path("status").asString()).isEqualTo("PAID");

                        List<ProcessHandle> children = new ArrayList<>(again.process().descendants().toList());
                        again.postgresServer().ifPresent(children::add);
                        Instant stopping = Instant.now();
                        assertThat(again.stop(Duration.ofMinutes(3))).as("the launcher stops on SIGTERM").isTrue();
                        System.out.println("Launcher stopped " + Duration.between(stopping, Instant.now()).toMillis()
                                + " ms after SIGTERM");
                        eventually("every child process to end", () -> children.stream().noneMatch(LauncherSmokeTest::running));
                        for (ProcessHandle child : children) {
                            assertThat(running(child)).as("child process %s (%s) still running", child.pid(),
                                    child.info().command().orElse("?")).isFalse();
                        }
                        assertThat(again.processesUsingData()).as("processes still working on the data directory").isEmpty();
                        for (var port : again.ports().entrySet()) {
                            assertThat(LaunchedShop.listening(port.getValue()))
                                    .as("port %s (%s) still open", port.getValue(), port.getKey()).isFalse();
                        }
                        assertThat(again.output()).contains("Stopped.");
                    }
                    catch (AssertionError | RuntimeException e) {
                        throw new AssertionError(e.getMessage() + "\n--- second launcher's output (last lines) ---\n"
                                + again.tail(80), e);
                    }
                }
            }
            catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- launcher output (last lines) ---\n" + shop.tail(80), e);
            }
        }
    }

    /** What the README promises on a first start: the category tree, forty vehicles with pictures, stock in three warehouses. */
    private static void demoShop(LaunchedShop shop, String admin) {
        JsonNode tree = get(RestClient.create(shop.url("product")), "/v1/categories");
        List<String> tops = new ArrayList<>();
        tree.forEach(top -> {
            tops.add(top.path("slug").asString());
            assertThat(top.path("children").size()).as("subcategories of " + top.path("slug").asString()).isPositive();
        });
        assertThat(tops).contains("cars", "motorcycles");

        JsonNode vehicles = get(client(shop, "product", admin), "/v1/products?size=100");
        assertThat(vehicles.path("total").asInt()).as("demo vehicles").isEqualTo(40);
        vehicles.path("items").forEach(vehicle -> assertThat(vehicle.path("main_image_url").asString())
                .as("picture of " + vehicle.path("name").asString()).isNotBlank());

        RestClient warehouse = client(shop, "warehouse", admin);
        List<String> zips = new ArrayList<>();
        get(warehouse, "/v1/warehouses?size=100").path("items").forEach(w -> zips.add(w.path("zip_code").asString()));
        assertThat(zips).containsExactlyInAnyOrder("10001", "60601", "94105");
        java.util.Map<String, Integer> unitsPerWarehouse = new java.util.HashMap<>();
        get(warehouse, "/v1/stock/products?size=100").path("items").forEach(stock -> stock.path("warehouses").forEach(row ->
                unitsPerWarehouse.merge(row.path("warehouse_name").asString(), row.path("quantity").asInt(), Integer::sum)));
        assertThat(unitsPerWarehouse).as("units per warehouse").hasSize(3).allSatisfy((name, units) -> assertThat(units).isPositive());
    }

    /** Returns the order, PAID at the end. */
    private static String journey(LaunchedShop shop, String admin) {
        String issuer = shop.url("auth");

        // Sign up, then sign in as a browser and the storefront would.
        String email = "smoke-" + UUID.randomUUID() + "@example.com";
        String password = "a long smoke test password";
        assertThat(status(RestClient.create(issuer).post().uri("/v1/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "name", "Sam Smoke", "password", password)))).as("registration").isEqualTo(201);
        String customer = CodeFlowLogin.at(issuer).client("storefront", shop.secret("storefront-client-secret"),
                shop.url("storefront") + "/login/oauth2/code/eshop").login(email, password).accessToken();

        // Browse: the demo catalogue, with pictures and stock.
        RestClient catalogue = RestClient.create(shop.url("product"));
        JsonNode page = get(catalogue, "/v1/products?in_stock=true&sort=price,asc&size=50");
        assertThat(page.path("total").asInt()).as("vehicles in stock").isGreaterThanOrEqualTo(30);
        JsonNode vehicle = page.path("items").get(0);
        String productId = vehicle.path("id").asString();
        JsonNode detail = get(catalogue, "/v1/products/" + productId);
        assertThat(detail.path("images").size()).isEqualTo(1);
        assertThat(status(RestClient.create().get().uri(detail.path("images").get(0).path("thumbnail_url").asString())))
                .as("the vehicle's picture").isEqualTo(200);

        // Cart and checkout.
        RestClient cart = client(shop, "cart", customer);
        eventually("the cart to take " + vehicle.path("name").asString(), () -> status(cart.post().uri("/v1/carts/me/lines")
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("product_id", productId, "quantity", 1))) == 200);
        JsonNode order = cart.post().uri("/v1/carts/checkout").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("address", Map.of("street", "1 Smoke Lane", "city", "Testville", "state", "IL", "zip_code", "60614")))
                .retrieve().body(JsonNode.class);
        String orderId = order.path("order_id").asString();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");

        // The transfer receipt, once payment has learnt of the order.
        RestClient payments = client(shop, "payment", customer);
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("order_id", orderId);
        parts.part("note", "Paid by transfer");
        parts.part("image", new ByteArrayResource(Receipts.png()) {
            @Override
            public String getFilename() {
                return "receipt.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        String[] paymentId = new String[1];
        eventually("payment to accept the receipt", () -> payments.post().uri("/v1/payments")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts.build())
                .exchange((request, response) -> {
                    paymentId[0] = response.getStatusCode().value() == 201 ? response.bodyTo(JsonNode.class).path("id").asString() : null;
                    return paymentId[0] != null;
                }));

        // The demo admin (the account the launcher printed) approves it, once the order has the receipt.
        RestClient review = client(shop, "payment", admin);
        eventually("the review to be accepted", () -> status(review.post().uri("/v1/payments/" + paymentId[0] + "/review")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("decision", "APPROVED", "note", "Transfer received."))) == 200);

        RestClient orders = client(shop, "order", customer);
        eventually("the order to be PAID", () -> "PAID".equals(get(orders, "/v1/orders/" + orderId).path("status").asString()));
        RestClient sales = client(shop, "sales-report", admin);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        eventually("the sale to reach the report", () -> get(sales, "/v1/sales?order_id=" + orderId
                + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)).path("items").size() == 1);
        return orderId;
    }

    /**
     * Alive and not a zombie: PostgreSQL's server belongs to the machine's first process once
     * {@code pg_ctl} detached it, and that one may take a moment to collect it after it ended.
     */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        }
        catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static RestClient client(LaunchedShop shop, String service, String token) {
        return RestClient.builder().baseUrl(shop.url(service)).defaultHeader("Authorization", "Bearer " + token).build();
    }

    private static JsonNode get(RestClient client, String path) {
        return client.get().uri(path).retrieve().body(JsonNode.class);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
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
