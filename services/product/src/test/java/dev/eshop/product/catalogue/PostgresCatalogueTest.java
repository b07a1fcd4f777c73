package dev.eshop.product.catalogue;

import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.springframework.boot.test.context.SpringBootTest;

/** The catalogue contract on the default store, PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class PostgresCatalogueTest extends CatalogueContractTest {
}
