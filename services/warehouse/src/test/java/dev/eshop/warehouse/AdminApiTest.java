package dev.eshop.warehouse;

import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API and who may call what: warehouses, stock lists, transfers, the ledger, and bad input. */
class AdminApiTest extends WarehouseTestSupport {

    private static Map<String, Object> warehouseBody(String name, Object zipCode) {
        return Map.of("name", name, "street", "5 Dock Street", "city", "Portland", "state", "OR", "zip_code", zipCode);
    }

    @Test
    void adminEndpointsAreForAdminsAndReservationsForOrdersServiceToken() {
        String customer = bearer(TestTokens.customer(UUID.randomUUID()));
        String otherService = bearer(TestTokens.service("products.read"));
        UUID id = UUID.randomUUID();
        List<String> adminGets = List.of("/v1/warehouses", "/v1/warehouses/" + id, "/v1/stock", "/v1/stock/products",
                "/v1/stock/products/" + id, "/v1/stock-movements");
        for (String path : adminGets) {
            client.get().uri(path).exchange().expectStatus().isUnauthorized();
            get(customer, path).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
            get(order(), path).expectStatus().isForbidden();
        }
        post(customer, "/v1/warehouses", warehouseBody("Nope", "12345")).expectStatus().isForbidden();
        post(customer, "/v1/stock/transfers", Map.of()).expectStatus().isForbidden();
        post(customer, "/v1/stock/restocks", Map.of()).expectStatus().isForbidden();

        Map<String, Object> reserve = reserveBody(UUID.randomUUID(), "12345", UUID.randomUUID(), 1);
        Map<String, Object> plan = Map.of("zip_code", "12345", "lines", List.of(Map.of("product_id", id, "quantity", 1)));
        for (String token : List.of(customer, admin(), otherService)) {
            post(token, "/v1/reservations", reserve).expectStatus().isForbidden();
            post(token, "/v1/stock/plan", plan).expectStatus().isForbidden();
            post(token, "/v1/reservations/" + id + "/release", Map.of("reason", "CHECKOUT_FAILED")).expectStatus().isForbidden();
        }
        client.post().uri("/v1/reservations").contentType(MediaType.APPLICATION_JSON).body(reserve).exchange()
                .expectStatus().isUnauthorized();
        get(customer, "/v1/warehouses/nearest?zip_code=12345").expectStatus().isForbidden();
        get(customer, "/v1/reservations/" + id).expectStatus().isForbidden();
        // The service token passes the security check (and meets the business answer).
        post(order(), "/v1/reservations", reserve).expectStatus().isEqualTo(409);
        get(order(), "/v1/reservations/" + id).expectStatus().isNotFound();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .value(doc -> assertThat(doc).contains("/v1/reservations/{order_id}/release", "/v1/stock/transfers", "/v1/warehouses/nearest"));
    }

    @Test
    void warehousesHaveOneMainAUniqueNameAndAFiveDigitZip() {
        warehouse("Lakeside", "30000");
        UUID east = warehouse("Eastgate", "40000");
        UUID west = warehouse("Westgate", "40500");
        get(admin(), "/v1/warehouses/" + east).expectStatus().isOk().expectBody()
                .jsonPath("$.is_main").isEqualTo(false).jsonPath("$.zip_code").isEqualTo("40000")
                .jsonPath("$.product_count").isEqualTo(0).jsonPath("$.total_units").isEqualTo(0);

        for (Object zip : List.of("1234a", "1234", "123456", "", 12345)) {
            post(admin(), "/v1/warehouses", warehouseBody("Zip " + zip, zip)).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                    .jsonPath("$.errors[0].field").isEqualTo("zip_code")
                    .jsonPath("$.errors[0].message").isEqualTo("must be exactly 5 digits");
        }
        post(admin(), "/v1/warehouses", warehouseBody("   ", "30000")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name");
        post(admin(), "/v1/warehouses", warehouseBody("EASTGATE", "30001")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate").jsonPath("$.field").isEqualTo("name");
        client.put().uri("/v1/warehouses/" + west).header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                .body(warehouseBody("eastgate", "40500")).exchange().expectStatus().isEqualTo(409);
        client.put().uri("/v1/warehouses/" + west).header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON)
                .body(warehouseBody("Westgate", "40600")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Westgate").jsonPath("$.zip_code").isEqualTo("40600");

        post(admin(), "/v1/warehouses/" + west + "/make-main", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.is_main").isEqualTo(true);
        post(admin(), "/v1/warehouses/" + east + "/make-main", Map.of()).expectStatus().isOk();
        get(admin(), "/v1/warehouses/" + west).expectStatus().isOk().expectBody().jsonPath("$.is_main").isEqualTo(false);
        assertThat(jdbc.sql("SELECT count(*) FROM warehouses WHERE is_main").query(Integer.class).single()).isEqualTo(1);

        client.delete().uri("/v1/warehouses/" + east).header("Authorization", admin()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state");
        client.delete().uri("/v1/warehouses/" + west).header("Authorization", admin()).exchange().expectStatus().isNoContent();
        get(admin(), "/v1/warehouses/" + west).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        assertThat(names("/v1/warehouses?size=100")).contains("Eastgate").doesNotContain("Westgate");
        assertThat(names("/v1/warehouses?size=100&include_deleted=true&sort=zip_code,desc")).contains("Eastgate", "Westgate");

        get(admin(), "/v1/warehouses/" + UUID.randomUUID()).expectStatus().isNotFound();
        get(admin(), "/v1/warehouses/not-a-uuid").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        get(admin(), "/v1/warehouses?sort=city,asc").expectStatus().isBadRequest();
        post(admin(), "/v1/warehouses/" + UUID.randomUUID() + "/make-main", Map.of()).expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private List<String> names(String path) {
        Map<String, Object> page = get(admin(), path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(w -> (String) w.get("name")).toList();
    }

    @Test
    void aTransferMovesOnlyWhatTheSourceHoldsAndBadQuantitiesAreRefused() {
        warehouse("Lakeside", "30000");
        UUID main = warehouse("Quayside", "35000");
        UUID other = warehouse("Uptown", "31000");
        UUID product = product("Honda Africa Twin", 0);
        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", main, "quantity", 3))
                .expectStatus().isCreated();

        for (int quantity : List.of(0, -1)) {
            post(admin(), "/v1/stock/transfers", transfer(product, main, other, quantity)).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("quantity");
            post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", main, "quantity", quantity))
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        }
        post(admin(), "/v1/stock/transfers", transfer(product, main, other, 10001)).expectStatus().isBadRequest();
        post(admin(), "/v1/stock/transfers", transfer(product, main, main, 1)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("to_warehouse_id");
        post(admin(), "/v1/stock/transfers", transfer(product, main, other, 4)).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock")
                .jsonPath("$.detail").isEqualTo("Quayside has only 3 units of this product.")
                .jsonPath("$.short_products[0].available").isEqualTo(3);
        assertThat(List.of(quantity(main, product), quantity(other, product))).as("nothing moved").containsExactly(3, 0);
        assertThat(movements(product, "TRANSFER")).isZero();
        assertThat(stockVersion(product)).as("no event for a refused transfer").isEqualTo(2);

        post(admin(), "/v1/stock/transfers", transfer(UUID.randomUUID(), main, other, 1)).expectStatus().isNotFound();
        post(admin(), "/v1/stock/transfers", transfer(product, main, UUID.randomUUID(), 1)).expectStatus().isNotFound();
        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", UUID.randomUUID(), "quantity", 1))
                .expectStatus().isNotFound();
        post(admin(), "/v1/stock/transfers", Map.of("product_id", "nope", "from_warehouse_id", main, "to_warehouse_id", other,
                "quantity", 1)).expectStatus().isBadRequest();

        post(admin(), "/v1/stock/transfers", transfer(product, main, other, 3)).expectStatus().isCreated();
        assertThat(List.of(quantity(main, product), quantity(other, product))).containsExactly(0, 3);
        client.delete().uri("/v1/warehouses/" + other).header("Authorization", admin()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Uptown still holds stock; transfer it to another warehouse first.");

        get(admin(), "/v1/stock?warehouse_id=" + main + "&low_stock=true").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].product_id").isEqualTo(product.toString())
                .jsonPath("$.items[0].quantity").isEqualTo(0)
                .jsonPath("$.items[0].low_stock").isEqualTo(true);
        get(admin(), "/v1/stock-movements?product_id=" + product + "&type=TRANSFER").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].quantity").isEqualTo(3)
                .jsonPath("$.items[0].from_warehouse_id").isEqualTo(main.toString());
        get(admin(), "/v1/stock-movements?warehouse_id=" + other).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);
        get(admin(), "/v1/stock-movements?product_id=" + product + "&type=RESTOCK&type=TRANSFER&sort=created_at,asc")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2).jsonPath("$.items[0].type").isEqualTo("RESTOCK")
                .jsonPath("$.items[0].actor_name").isEqualTo("Ada Admin");
        get(admin(), "/v1/stock-movements?type=MOVE_OUT").expectStatus().isBadRequest();
        get(admin(), "/v1/stock-movements?from=2025-02-01&to=2025-01-01").expectStatus().isBadRequest();
        get(admin(), "/v1/stock-movements?order_id=123").expectStatus().isBadRequest();
    }

    @Test
    void aRepeatedTransferWithTheSameKeyMovesStockOnce() {
        warehouse("Lakeside", "30000");
        UUID from = warehouse("Harbourside", "36000");
        UUID to = warehouse("Hilltop", "37000");
        UUID product = product("Yamaha Tenere", 0);
        String admin = admin();
        String key = UUID.randomUUID().toString();
        String restockKey = UUID.randomUUID().toString();
        Map<String, Object> restock = Map.of("product_id", product, "warehouse_id", from, "quantity", 5);
        for (int i = 0; i < 2; i++) {
            withKey(admin, "/v1/stock/restocks", restockKey, restock).expectStatus().isCreated();
        }
        assertThat(quantity(from, product)).as("restocked once").isEqualTo(5);

        String first = withKey(admin, "/v1/stock/transfers", key, transfer(product, from, to, 2)).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").expectBody(String.class).returnResult().getResponseBody();
        withKey(admin, "/v1/stock/transfers", key, transfer(product, from, to, 2)).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectBody(String.class).isEqualTo(first);
        withKey(admin, "/v1/stock/transfers", key, transfer(product, from, to, 3)).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");

        assertThat(List.of(quantity(from, product), quantity(to, product))).as("moved once").containsExactly(3, 2);
        assertThat(movements(product, "TRANSFER")).as("one ledger entry").isEqualTo(1);
        assertThat(movements(product, "RESTOCK")).isEqualTo(1);
        assertThat(stockVersion(product)).as("two stock changes after the initial one").isEqualTo(3);
        assertLedgerExplainsStock(product);
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec withKey(String token, String path, String key,
                                                                                          Object body) {
        return client.post().uri(path).header("Authorization", token).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @Test
    void theNearestWarehouseIsFoundByZipDistanceAndBadZipsAreRefused() {
        warehouse("Lakeside", "30000");
        UUID farpoint = warehouse("Farpoint", "90000");
        UUID farther = warehouse("Farther", "91000");
        UUID product = product("Jeep Wrangler", 0);
        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", farpoint, "quantity", 2))
                .expectStatus().isCreated();

        get(order(), "/v1/warehouses/nearest?zip_code=90900").expectStatus().isOk().expectBody()
                .jsonPath("$.warehouse_id").isEqualTo(farther.toString()).jsonPath("$.distance").isEqualTo(100);
        get(order(), "/v1/warehouses/nearest?zip_code=90900&product_id=" + product).expectStatus().isOk().expectBody()
                .jsonPath("$.warehouse_id").isEqualTo(farpoint.toString())
                .jsonPath("$.distance").isEqualTo(900)
                .jsonPath("$.available").isEqualTo(2);
        get(admin(), "/v1/warehouses/nearest?zip_code=30900&product_id=" + UUID.randomUUID()).expectStatus().isNotFound();
        for (String zip : List.of("3090", "309000", "3090x")) {
            get(order(), "/v1/warehouses/nearest?zip_code=" + zip).expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("zip_code");
        }
        post(order(), "/v1/stock/plan", Map.of("zip_code", "3000", "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("zip_code");
        post(order(), "/v1/reservations", reserveBody(UUID.randomUUID(), "90000", product, 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        post(order(), "/v1/reservations", Map.of("order_id", UUID.randomUUID(), "zip_code", "30000", "lines",
                List.of(Map.of("product_id", product, "quantity", 1), Map.of("product_id", product, "quantity", 1))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[1].product_id");
        post(order(), "/v1/reservations/" + UUID.randomUUID() + "/release", Map.of("reason", "ORDER_PAID")).expectStatus().isBadRequest();
        post(order(), "/v1/reservations/not-a-uuid/release", Map.of("reason", "CHECKOUT_FAILED")).expectStatus().isBadRequest();
        assertThat(total(product)).isEqualTo(2);
    }

    private static Map<String, Object> transfer(UUID product, UUID from, UUID to, int quantity) {
        return Map.of("product_id", product, "from_warehouse_id", from, "to_warehouse_id", to, "quantity", quantity);
    }
}
