package dev.eshop.product.catalogue;

import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import dev.eshop.product.store.dynamodb.DynaliteEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue contract on the DynamoDB store, against dynalite. PostgreSQL is still there for
 * categories, the outbox and the inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eshop.product.store=dynamodb",
        "eshop.product.dynamodb.access-key=test",
        "eshop.product.dynamodb.secret-key=test",
        "eshop.product.dynamodb.relay-interval=200ms"})
@WithPostgres
@WithKafka
class DynamoDbCatalogueTest extends CatalogueContractTest {

    @DynamicPropertySource
    static void dynalite(DynamicPropertyRegistry registry) {
        registry.add("eshop.product.dynamodb.endpoint", () -> DynaliteEngine.get().endpoint());
        registry.add("eshop.product.dynamodb.table-prefix", () -> DynaliteEngine.get().tablePrefix("catalogue"));
    }

    @Autowired
    ProductStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void productsLiveInDynamoDbNotInPostgres() {
        assertThat(store).isInstanceOf(dev.eshop.product.store.dynamodb.DynamoDbProductStore.class);
        assertThat(jdbc.sql("SELECT count(*) FROM products").query(Long.class).single()).isZero();
    }
}
