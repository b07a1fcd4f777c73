package dev.eshop.e2e;

import dev.eshop.e2e.shop.StartedServices;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.eshop.e2e.shop.Calls.client;
import static dev.eshop.e2e.shop.Calls.get;
import static dev.eshop.e2e.shop.Calls.post;
import static dev.eshop.e2e.shop.Calls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue and the stock behind it, across the product and warehouse services, each running as
 * its own process from its jar and talking to the other only through real Kafka.
 */
class CatalogueStockJourneyTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final StartedServices services = new StartedServices();
    private static ServiceProcess product;
    private static ServiceProcess warehouse;

    @BeforeAll
    static void startServices() {
        KafkaEngine kafka = KafkaEngine.get();
        Map<String, String> shared = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("journey"),
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri());

        Map<String, String> productEnvironment = StartedServices.withPostgres(shared, "journey_product");
        productEnvironment.putAll(StartedServices.s3());
        productEnvironment.put("ESHOP_S3_BUCKET", S3Engine.get().createBucket("journey-images"));
        product = services.start("product", productEnvironment);
        warehouse = services.start("warehouse", StartedServices.withPostgres(shared, "journey_warehouse"));
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void stockFollowsTheProductFromCreationToDeletion() {
        String admin = TestTokens.admin();
        RestClient catalogue = client(product, admin);
        RestClient stock = client(warehouse, admin);

        JsonNode central = post(stock, "/v1/warehouses", Map.of("name", "Central", "street", "1 Depot Road",
                "city", "Springfield", "state", "IL", "zip_code", "10000"));
        JsonNode north = post(stock, "/v1/warehouses", Map.of("name", "North", "street", "9 Harbor Way",
                "city", "Lakeside", "state", "WI", "zip_code", "20000"));
        assertThat(central.get("is_main").asBoolean()).isTrue();

        JsonNode cars = post(catalogue, "/v1/categories", Map.of("name", "Cars"));
        JsonNode suv = post(catalogue, "/v1/categories", Map.of("name", "SUV", "parent_id", cars.get("id").asString()));
        JsonNode created = post(catalogue, "/v1/products", Map.of(
                "name", "Mazda CX-60 2.5 e-Skyactiv PHEV",
                "description", "Plug-in hybrid SUV with all-wheel drive.",
                "price", 70000.00,
                "category_id", suv.get("id").asString(),
                "attributes", Map.of("brand", "Mazda", "model", "CX-60", "year", 2024, "fuel", "plug_in_hybrid"),
                "initial_quantity", 6));
        String productId = created.get("id").asString();

        // product-created → warehouse places 6 in the main warehouse → product-quantity-updated → product shows 6
        await().atMost(EVENTUALLY).until(() -> detail(productId).get("stock").asInt() == 6);
        JsonNode placed = get(stock, "/v1/stock/products/" + productId);
        assertThat(placed.get("total").asInt()).isEqualTo(6);
        assertThat(quantityIn(placed, central)).isEqualTo(6);
        long versionBeforeTransfer = detail(productId).get("version").asLong();

        post(stock, "/v1/stock/transfers", Map.of("product_id", productId, "from_warehouse_id", central.get("id").asString(),
                "to_warehouse_id", north.get("id").asString(), "quantity", 2));
        JsonNode moved = get(stock, "/v1/stock/products/" + productId);
        assertThat(moved.get("total").asInt()).isEqualTo(6);
        assertThat(quantityIn(moved, central)).isEqualTo(4);
        assertThat(quantityIn(moved, north)).isEqualTo(2);

        post(stock, "/v1/stock/restocks", Map.of("warehouse_id", north.get("id").asString(), "product_id", productId,
                "quantity", 4));
        await().atMost(EVENTUALLY).until(() -> detail(productId).get("stock").asInt() == 10);
        assertThat(detail(productId).get("version").asLong())
                .as("the transfer left the total as it was, so only the restock changed the product")
                .isEqualTo(versionBeforeTransfer + 1);

        HttpStatusCode deleted = catalogue.delete().uri("/v1/products/" + productId).retrieve().toBodilessEntity().getStatusCode();
        assertThat(deleted).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(status(RestClient.create(product.baseUrl()).get().uri("/v1/products/" + productId))).isEqualTo(404);
        JsonNode listing = get(RestClient.create(product.baseUrl()), "/v1/products?size=100");
        assertThat(listing.get("items").valueStream().map(item -> item.get("id").asString()).toList()).doesNotContain(productId);

        // product-deleted → the warehouse no longer offers it
        RestClient orders = client(warehouse, TestTokens.service("stock.reserve"));
        await().atMost(EVENTUALLY).until(() -> orders.post().uri("/v1/stock/plan")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("zip_code", "10000", "lines", List.of(Map.of("product_id", productId, "quantity", 1))))
                .exchange((request, response) -> response.getStatusCode().value()) == 409);
    }

    private static int quantityIn(JsonNode productStock, JsonNode warehouse) {
        return productStock.get("warehouses").valueStream()
                .filter(row -> row.get("warehouse_id").asString().equals(warehouse.get("id").asString()))
                .mapToInt(row -> row.get("quantity").asInt())
                .sum();
    }

    private static JsonNode detail(String productId) {
        return get(RestClient.create(product.baseUrl()), "/v1/products/" + productId);
    }
}
