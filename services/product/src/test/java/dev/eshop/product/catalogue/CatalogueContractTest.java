package dev.eshop.product.catalogue;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.events.product.ProductUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.product.Api;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every product store must do, over the real API: create, read, update, soft delete, and
 * search, filters, sort and paging on seeded data (table-driven), with the events each change
 * publishes and the displayed stock from warehouse's events. Run against PostgreSQL and DynamoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogueContractTest {

    static final Duration EVENT_WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    Api api;
    KafkaTestClient kafka;
    UUID cars;
    UUID suv;
    UUID trucks;
    UUID tippers;
    final Map<String, JsonNode> seeded = new HashMap<>();

    @BeforeAll
    void seed() {
        api = new Api(port);
        kafka = KafkaTestClient.of(environment);
        cars = api.category("Cars", null);
        suv = api.category("SUV", cars);
        UUID sedan = api.category("Sedan", cars);
        UUID motorcycles = api.category("Motorcycles", null);
        UUID cruiser = api.category("Cruiser", motorcycles);
        trucks = api.category("Trucks", null);
        tippers = api.category("Tippers", trucks);
        seed("Mazda CX-60 PHEV", suv, "70000.00", "Mazda", 2024, "Plug-in hybrid SUV with all-wheel drive");
        seed("Toyota RAV4 Hybrid", suv, "42000.00", "Toyota", 2023, "Reliable family SUV");
        seed("Toyota Corolla", sedan, "21000.00", "Toyota", 2021, "Compact sedan, low mileage");
        seed("BMW 320d", sedan, "28500.50", "BMW", 2019, "Diesel sedan with sport package");
        seed("Harley-Davidson Fat Boy", cruiser, "23000.00", "Harley-Davidson", 2022, "Classic cruiser motorcycle");
        seed("Honda Rebel 500", cruiser, "7000.00", "Honda", 2024, "Light cruiser for beginners");
        // Displayed stock comes from warehouse's events.
        stock("Mazda CX-60 PHEV", 5, 1);
        stock("Toyota Corolla", 2, 1);
        stock("Harley-Davidson Fat Boy", 1, 1);
        await().atMost(EVENT_WAIT).untilAsserted(() ->
                assertThat(api.get("/v1/products?in_stock=true").get("total").asInt()).isEqualTo(3));
    }

    private void seed(String name, UUID category, String price, String brand, int year, String description) {
        seeded.put(name, api.product(name, category, price, Map.of("brand", brand, "year", year), description));
    }

    private void stock(String name, int quantity, long stockVersion) {
        String id = seeded.get(name).get("id").asString();
        kafka.publishEvent("product-quantity-updated", "eshop.product.quantity-updated.v1", id, """
                {"product_id": "%s", "quantity": %d, "cause": "RESTOCK", "stock_version": %d, "changed_at": "2025-01-09T08:01:45Z"}"""
                .formatted(id, quantity, stockVersion));
    }

    Stream<Arguments> listings() {
        return Stream.of(
                // query                                               expected names in order                                         total
                Arguments.of("category=cars&sort=price,asc", List.of("Toyota Corolla", "BMW 320d", "Toyota RAV4 Hybrid", "Mazda CX-60 PHEV"), 4),
                Arguments.of("category=SUV&sort=price,desc", List.of("Mazda CX-60 PHEV", "Toyota RAV4 Hybrid"), 2),
                Arguments.of("category=motorcycles", List.of("Honda Rebel 500", "Harley-Davidson Fat Boy"), 2),
                Arguments.of("q=toyota&sort=name,asc", List.of("Toyota Corolla", "Toyota RAV4 Hybrid"), 2),
                Arguments.of("q=SUV hybrid&sort=name,asc", List.of("Mazda CX-60 PHEV", "Toyota RAV4 Hybrid"), 2),
                Arguments.of("q=onda", List.of("Honda Rebel 500"), 1),
                Arguments.of("q=CRUISER beginners", List.of("Honda Rebel 500"), 1),
                Arguments.of("q=toyota diesel", List.of(), 0),
                Arguments.of("brand=toyota&brand=BMW&sort=price,asc", List.of("Toyota Corolla", "BMW 320d", "Toyota RAV4 Hybrid"), 3),
                Arguments.of("min_price=21000&max_price=28500.50&sort=price,asc", List.of("Toyota Corolla", "Harley-Davidson Fat Boy", "BMW 320d"), 3),
                Arguments.of("year_min=2022&year_max=2023&sort=name,asc", List.of("Harley-Davidson Fat Boy", "Toyota RAV4 Hybrid"), 2),
                Arguments.of("in_stock=true&sort=name,asc", List.of("Harley-Davidson Fat Boy", "Mazda CX-60 PHEV", "Toyota Corolla"), 3),
                Arguments.of("in_stock=false&category=motorcycles", List.of("Honda Rebel 500"), 1),
                Arguments.of("category=cars&brand=toyota&year_min=2022&min_price=1", List.of("Toyota RAV4 Hybrid"), 1),
                Arguments.of("category=cars&sort=name,desc&size=2", List.of("Toyota RAV4 Hybrid", "Toyota Corolla"), 4),
                Arguments.of("category=cars&sort=price,asc&size=3&page=1", List.of("Mazda CX-60 PHEV"), 4),
                Arguments.of("category=cars&sort=price,asc&size=3&page=5", List.of(), 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listings")
    void searchFiltersSortAndPagingReturnTheRightProducts(String query, List<String> names, int total) {
        JsonNode page = api.get("/v1/products?" + query);

        List<String> found = new ArrayList<>();
        page.get("items").forEach(item -> found.add(item.get("name").asString()));
        assertThat(found).as(query).containsExactlyElementsOf(names);
        assertThat(page.get("total").asInt()).as(query).isEqualTo(total);
    }

    @Test
    void aSummaryCarriesCategoryBrandYearAndStock() {
        JsonNode item = api.get("/v1/products?q=mazda").get("items").get(0);

        assertThat(item.get("category_name").asString()).isEqualTo("SUV");
        assertThat(item.get("brand").asString()).isEqualTo("Mazda");
        assertThat(item.get("year").asInt()).isEqualTo(2024);
        assertThat(item.get("price").decimalValue()).isEqualByComparingTo("70000.00");
        assertThat(item.get("stock").asInt()).isEqualTo(5);
        assertThat(item.get("in_stock").asBoolean()).isTrue();
        assertThat(item.get("sku").asString()).matches("SKU-[0-9A-HJKMNP-TV-Z]{8}");
    }

    @Test
    void aWordEqualToTheSkuFindsThatProduct() {
        String sku = seeded.get("BMW 320d").get("sku").asString();

        JsonNode page = api.get("/v1/products?q=" + sku.toLowerCase());

        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("BMW 320d");
        assertThat(page.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void facetsSummariseTheMatchingProducts() {
        JsonNode facets = api.get("/v1/products/facets?category=cars");

        assertThat(facets.get("brands").toString()).contains("\"name\":\"Toyota\",\"count\":2", "\"name\":\"BMW\",\"count\":1");
        assertThat(facets.get("price_min").decimalValue()).isEqualByComparingTo("21000.00");
        assertThat(facets.get("price_max").decimalValue()).isEqualByComparingTo("70000.00");
        assertThat(facets.get("year_min").asInt()).isEqualTo(2019);
        assertThat(facets.get("year_max").asInt()).isEqualTo(2024);
    }

    @Test
    void categoriesCountTheirLiveProductsTopOnesWithTheirChildren() {
        JsonNode tree = api.get("/v1/categories");
        JsonNode carsNode = null;
        for (JsonNode top : tree) {
            if (top.get("slug").asString().equals("cars")) {
                carsNode = top;
            }
        }
        assertThat(carsNode).isNotNull();
        assertThat(carsNode.get("product_count").asInt()).isEqualTo(4);
        assertThat(carsNode.get("children").size()).isEqualTo(2);
    }

    @Test
    void createReadUpdateAndSoftDeleteWithTheirEvents() {
        // create
        Map<String, Object> attributes = Map.of("brand", "Scania", "year", 2020, "axles", 4);
        JsonNode created = api.product("Scania R500", tippers, "150000.00", attributes, "Tipper truck");
        String id = created.get("id").asString();
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.get("stock").asInt()).isZero();
        assertThat(created.get("category").get("parent").get("name").asString()).isEqualTo("Trucks");
        ProductCreated createdEvent = EventJson.read(kafka.lastWithKey("product-created", id, EVENT_WAIT).value(), ProductCreated.class);
        assertThat(createdEvent.initialQuantity()).isEqualTo(3);
        assertThat(createdEvent.sku()).isEqualTo(created.get("sku").asString());
        assertThat(createdEvent.categoryName()).isEqualTo("Tippers");
        assertThat(createdEvent.attributes()).containsEntry("axles", 4);

        // read
        JsonNode read = api.get("/v1/products/" + id);
        assertThat(read.get("name").asString()).isEqualTo("Scania R500");
        assertThat(read.get("attributes").get("axles").asInt()).isEqualTo(4);
        assertThat(read.get("description").asString()).isEqualTo("Tipper truck");

        // update: the full new state in product-updated, version + 1
        Map<String, Object> change = new HashMap<>();
        change.put("name", "Scania R560");
        change.put("description", "Tipper truck, serviced");
        change.put("price", new BigDecimal("149000.99"));
        change.put("category_id", tippers);
        change.put("attributes", Map.of("brand", "Scania", "year", 2021));
        change.put("version", 1);
        JsonNode updated = api.put("/v1/products/" + id, change, 200);
        assertThat(updated.get("version").asLong()).isEqualTo(2);
        assertThat(updated.get("price").decimalValue()).isEqualByComparingTo("149000.99");
        ProductUpdated updatedEvent = EventJson.read(kafka.lastWithKey("product-updated", id, EVENT_WAIT).value(), ProductUpdated.class);
        assertThat(updatedEvent.version()).isEqualTo(2);
        assertThat(updatedEvent.name()).isEqualTo("Scania R560");
        assertThat(updatedEvent.price()).isEqualByComparingTo("149000.99");
        assertThat(updatedEvent.attributes()).isEqualTo(Map.of("brand", "Scania", "year", 2021));
        assertThat(updatedEvent.sku()).isEqualTo(created.get("sku").asString());

        // the same state again: nothing changes; an old version is refused
        change.put("version", 2);
        assertThat(api.put("/v1/products/" + id, change, 200).get("version").asLong()).isEqualTo(2);
        change.put("version", 1);
        assertThat(api.put("/v1/products/" + id, change, 409).get("current_version").asLong()).isEqualTo(2);

        // soft delete: product-deleted, hidden from the shop, still there for admins
        api.delete("/v1/products/" + id, 204);
        api.delete("/v1/products/" + id, 204);
        ProductDeleted deletedEvent = EventJson.read(kafka.lastWithKey("product-deleted", id, EVENT_WAIT).value(), ProductDeleted.class);
        assertThat(deletedEvent.version()).isEqualTo(3);
        api.client.get().uri("/v1/products/" + id).exchange().expectStatus().isNotFound();
        api.client.get().uri("/v1/products/" + id).header(HttpHeaders.AUTHORIZATION, Api.customer()).exchange().expectStatus().isNotFound();
        assertThat(api.getAsAdmin("/v1/products/" + id).get("deleted_at").isNull()).isFalse();
        assertThat(api.get("/v1/products?category=trucks").get("total").asInt()).isZero();
        assertThat(api.getAsAdmin("/v1/products?category=trucks&include_deleted=true").get("total").asInt()).isEqualTo(1);
        api.put("/v1/products/" + id, Map.of("name", "x", "price", 1, "category_id", tippers, "attributes", Map.of("brand", "x"), "version", 3), 404);
    }

    @Test
    void lookupTellsPricesAndAvailabilityAndWhatIsMissing() {
        String id = seeded.get("Honda Rebel 500").get("id").asString();
        UUID unknown = UUID.randomUUID();

        JsonNode result = api.post("/v1/products/lookup", Map.of("ids", List.of(id, unknown)), 200);

        assertThat(result.get("items").get(0).get("price").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(result.get("items").get(0).get("category_name").asString()).isEqualTo("Cruiser");
        assertThat(result.get("items").get(0).get("available").asBoolean()).isTrue();
        assertThat(result.get("missing").get(0).asString()).isEqualTo(unknown.toString());
    }

    @Test
    void republishWritesOneEventPerProduct() {
        JsonNode result = api.post("/v1/products/republish", "", 202);

        assertThat(result.get("queued").asInt()).isGreaterThanOrEqualTo(6);
        String id = seeded.get("Honda Rebel 500").get("id").asString();
        ConsumerRecord<String, byte[]> record = kafka.lastWithKey("product-updated", id, EVENT_WAIT);
        assertThat(EventJson.read(record.value(), ProductUpdated.class).name()).isEqualTo("Honda Rebel 500");
    }
}
