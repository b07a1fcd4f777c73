package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** {@code ?page=&size=&sort=} in, {@code {items, page, size, total}} out, and 400 for anything out of range. */
class PagingTest extends WebTestSupport {

    @Test
    void defaultsToTheFirstPageOfTwentyInTheListsDefaultOrder() {
        list("/v1/test/products")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(20)
                .jsonPath("$.total").isEqualTo(5)
                .jsonPath("$.items.length()").isEqualTo(5)
                .jsonPath("$.items[0].name").isEqualTo("Africa Twin")
                .jsonPath("$.items[4].name").isEqualTo("Vespa");
    }

    @Test
    void returnsTheRequestedPageInTheRequestedOrder() {
        list("/v1/test/products?page=1&size=2&sort=price,desc")
                .expectStatus().isOk()
                .expectBody()
                .json("""
                        {"items": [{"name": "Africa Twin", "price": 15000.00}, {"name": "Beetle", "price": 12000.50}],
                         "page": 1, "size": 2, "total": 5}""");
    }

    @Test
    void aPageBeyondTheEndHasNoItemsButAnEmptyList() {
        list("/v1/test/products?page=9&size=100")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").isArray()
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.total").isEqualTo(5);
    }

    @Test
    void negativePageIsRejected() {
        assertInvalid("/v1/test/products?page=-1", "page", "must be 0 or more");
    }

    @Test
    void sizeZeroIsRejected() {
        assertInvalid("/v1/test/products?size=0", "size", "must be between 1 and 100");
    }

    @Test
    void sizeAboveOneHundredIsRejectedNotClamped() {
        assertInvalid("/v1/test/products?size=101", "size", "must be between 1 and 100");
    }

    @Test
    void pageThatIsNotANumberIsMalformed() {
        assertDetail(assertProblem(list("/v1/test/products?page=first"), 400, "malformed-request", "Malformed request",
                "/v1/test/products"), "'page'", "whole number");
    }

    @Test
    void sortByAFieldTheListDoesNotAllowIsMalformed() {
        assertDetail(assertProblem(list("/v1/test/products?sort=secret,asc"), 400, "malformed-request", "Malformed request",
                "/v1/test/products"), "'sort'", "name, price", "secret,asc");
    }

    @Test
    void sortWithABadDirectionIsMalformed() {
        assertDetail(assertProblem(list("/v1/test/products?sort=price,up"), 400, "malformed-request", "Malformed request",
                "/v1/test/products"), "'sort'", "price,up");
    }

    private void assertInvalid(String path, String field, String message) {
        BodyContentSpec problem = assertProblem(list(path), 400, "validation", "Invalid request", "/v1/test/products")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
        assertDetail(problem, "'" + field + "'");
    }

    private ResponseSpec list(String path) {
        return client.get().uri(path).header("Authorization", bearer(TestTokens.customer(java.util.UUID.randomUUID()))).exchange();
    }
}
