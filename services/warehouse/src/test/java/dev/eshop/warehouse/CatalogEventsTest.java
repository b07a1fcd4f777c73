package dev.eshop.warehouse;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.ProductUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import dev.eshop.platform.testing.KafkaTestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The product events warehouse consumes, and the product-quantity-updated it publishes after every change. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogEventsTest extends WarehouseTestSupport {

    @Test
    @Order(1)
    void aProductCreatedBeforeAnyWarehouseWaitsForTheFirstOne() {
        UUID product = UUID.randomUUID();
        publishProductCreated(product, "Kawasaki Z900", 4);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT pending_initial_quantity FROM products WHERE product_id = ?")
                .param(product).query(Integer.class).optional().orElse(0) == 4);

        UUID first = warehouse("Harbor", "20000");
        get(admin(), "/v1/warehouses/" + first).expectStatus().isOk().expectBody().jsonPath("$.is_main").isEqualTo(true)
                .jsonPath("$.total_units").isEqualTo(4).jsonPath("$.product_count").isEqualTo(1);

        assertThat(quantity(first, product)).isEqualTo(4);
        assertThat(movements(product, "INITIAL")).isEqualTo(1);
        ProductQuantityUpdated event = quantityEvent(product, 1);
        assertThat(event.quantity()).isEqualTo(4);
        assertThat(event.cause()).isEqualTo(StockChangeCause.INITIAL);
    }

    @Test
    @Order(2)
    void aNewProductsInitialQuantityGoesToTheMainWarehouseOnceHoweverOftenTheEventComes() {
        UUID main = warehouse("Harbor", "20000");
        warehouse("Hills", "20500");
        UUID product = UUID.randomUUID();
        String json = productCreatedJson(product, "BMW R 1250 GS", 7);
        UUID eventId = kafka.publishEvent("product-created", "eshop.product.created.v1", product.toString(), json);
        await().atMost(PATIENCE).until(() -> stockVersion(product) == 1);

        ProductQuantityUpdated created = quantityEvent(product, 1);
        assertThat(created.quantity()).isEqualTo(7);
        assertThat(created.cause()).isEqualTo(StockChangeCause.INITIAL);
        assertThat(quantity(main, product)).isEqualTo(7);

        // The same record delivered again (same ce_id), and the same event republished (a new ce_id).
        kafka.publish("product-created", product.toString(), json,
                KafkaTestClient.cloudEventHeaders(eventId, "eshop.product.created.v1", product.toString()));
        awaitHandled(kafka.publishEvent("product-created", "eshop.product.created.v1", product.toString(), json));

        assertThat(total(product)).isEqualTo(7);
        assertThat(movements(product, "INITIAL")).isEqualTo(1);
        assertThat(stockVersion(product)).as("no second quantity event").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aTransferKeepsTheTotalAndARestockRaisesIt() {
        UUID main = warehouse("Harbor", "20000");
        UUID hills = warehouse("Hills", "20500");
        UUID product = product("Ducati Monster", 5);

        post(admin(), "/v1/stock/transfers", Map.of("product_id", product, "from_warehouse_id", main, "to_warehouse_id", hills,
                "quantity", 2, "note", "closer to the customers")).expectStatus().isCreated()
                .expectBody().jsonPath("$.type").isEqualTo("TRANSFER")
                .jsonPath("$.from_warehouse_name").isEqualTo("Harbor")
                .jsonPath("$.to_warehouse_name").isEqualTo("Hills")
                .jsonPath("$.product_name").isEqualTo("Ducati Monster")
                .jsonPath("$.actor_name").isEqualTo("Ada Admin");
        ProductQuantityUpdated transferred = quantityEvent(product, 2);
        assertThat(transferred.quantity()).isEqualTo(5);
        assertThat(transferred.cause()).isEqualTo(StockChangeCause.TRANSFER);

        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", hills, "quantity", 10))
                .expectStatus().isCreated().expectBody().jsonPath("$.type").isEqualTo("RESTOCK");
        ProductQuantityUpdated restocked = quantityEvent(product, 3);
        assertThat(restocked.quantity()).isEqualTo(15);
        assertThat(restocked.cause()).isEqualTo(StockChangeCause.RESTOCK);

        get(admin(), "/v1/stock/products/" + product).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(15)
                .jsonPath("$.reserved").isEqualTo(0)
                .jsonPath("$.low_stock").isEqualTo(false)
                .jsonPath("$.warehouses.length()").isEqualTo(2)
                .jsonPath("$.warehouses[0].warehouse_name").isEqualTo("Harbor")
                .jsonPath("$.warehouses[0].quantity").isEqualTo(3);
        assertThat(quantityEvents(product)).extracting(ProductQuantityUpdated::stockVersion).containsExactly(1L, 2L, 3L);
        assertLedgerExplainsStock(product);
    }

    @Test
    @Order(4)
    void anUpdatedProductIsRenamedUnlessTheEventIsOlderThanTheCopy() {
        warehouse("Harbor", "20000");
        UUID product = product("Triumph Bonneville", 1);

        publishUpdated(product, "Triumph Bonneville T120", 3);
        await().atMost(PATIENCE).until(() -> "Triumph Bonneville T120".equals(name(product)));
        publishUpdated(product, "Triumph (stale)", 2);
        awaitHandled(publishUpdated(product, "Triumph (same version)", 3));

        assertThat(name(product)).isEqualTo("Triumph Bonneville T120");
        get(admin(), "/v1/stock?product_id=" + product).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].product_name").isEqualTo("Triumph Bonneville T120");
    }

    @Test
    @Order(5)
    void aDeletedProductIsNoLongerOfferedNorListed() {
        UUID main = warehouse("Harbor", "20000");
        UUID product = product("Suzuki Hayabusa", 3);
        ProductDeleted deleted = new ProductDeleted(product, "SKU-DEL", 2, Instant.now());
        for (int i = 0; i < 2; i++) {
            kafka.publishEvent("product-deleted", "eshop.product.deleted.v1", product.toString(), EventJson.write(deleted));
        }
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT deleted FROM products WHERE product_id = ?").param(product)
                .query(Boolean.class).single());

        post(order(), "/v1/reservations", reserveBody(UUID.randomUUID(), "20000", product, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock")
                .jsonPath("$.short_products[0].product_id").isEqualTo(product.toString())
                .jsonPath("$.short_products[0].name").isEqualTo("Suzuki Hayabusa")
                .jsonPath("$.short_products[0].requested").isEqualTo(1)
                .jsonPath("$.short_products[0].available").isEqualTo(0);
        post(order(), "/v1/stock/plan", Map.of("zip_code", "20000", "lines", List.of(Map.of("product_id", product, "quantity", 1))))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock");
        UUID unknown = UUID.randomUUID();
        post(order(), "/v1/reservations", reserveBody(UUID.randomUUID(), "20000", unknown, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.short_products[0].available").isEqualTo(0)
                .jsonPath("$.short_products[0].name").isEmpty();
        assertThat(quantity(main, product)).as("its stock stays").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM reservations").query(Integer.class).single()).isZero();

        get(admin(), "/v1/stock/products?q=Hayabusa").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        get(admin(), "/v1/stock/products?q=Hayabusa&include_deleted=true").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].deleted").isEqualTo(true);
        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", main, "quantity", 1))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("product-deleted");
    }

    private UUID publishUpdated(UUID product, String name, long version) {
        String json = EventJson.write(new ProductUpdated(product, "SKU-UPD", name, "A motorcycle.", new BigDecimal("9000.00"),
                UUID.randomUUID(), "Classic", Map.of(), null, null, List.of(), 1, version, Instant.now(), Instant.now()));
        return kafka.publishEvent("product-updated", "eshop.product.updated.v1", product.toString(), json);
    }

    private String name(UUID product) {
        return jdbc.sql("SELECT name FROM products WHERE product_id = ?").param(product).query(String.class).single();
    }
}
