package dev.eshop.storefront;

import dev.eshop.platform.testing.web.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages kept for visitors (signed out, no session) and the category tree kept for everyone: what is
 * kept, and what never is.
 */
@TestPropertySource(properties = {"eshop.storefront.page-cache-ttl=1m", "eshop.storefront.category-cache-ttl=1m"})
class VisitorPageCacheTest extends StorefrontTestSupport {

    private UUID productOnSale(String name) {
        UUID id = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, name, "70000.00", 6, "{}", "A car."));
        return id;
    }

    @Test
    void aProductPageRenderedForOneVisitorIsServedToTheNextWithoutAskingProductAgain() {
        UUID id = productOnSale("Mazda CX-60");

        Visitor.Page first = visitor().get("/products/" + id);
        Visitor.Page second = visitor().get("/products/" + id);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).isEqualTo(first.html());
        assertThat(second.text()).contains("Mazda CX-60", "$70,000.00", "Log in");
        assertThat(services.requests("GET", "/v1/products/" + id)).hasSize(1);
        assertThat(second.header("Set-Cookie")).isNull();
        assertThat(second.header("Content-Security-Policy")).as("the security headers are still written").startsWith("default-src 'self'");
    }

    @Test
    void signedInCustomersAlwaysGetTheirOwnFreshPageAndItIsNeverShownToVisitors() {
        UUID id = productOnSale("Honda CB650R");

        Visitor.Page customers = customer().get("/products/" + id);
        Visitor.Page again = customer().get("/products/" + id);
        Visitor.Page visitors = visitor().get("/products/" + id);

        assertThat(services.requests("GET", "/v1/products/" + id)).as("each page asked product").hasSize(3);
        assertThat(customers.text()).contains("Carl Customer", "My orders");
        assertThat(again.text()).contains("Carl Customer");
        assertThat(visitors.text()).contains("Log in").doesNotContain("Carl Customer", "My orders");
        assertThat(visitors.document().select("input[name=_csrf]")).isEmpty();
    }

    @Test
    void htmxFragmentsAndPagesThatFailedAreNotKept() {
        services.answer("GET", "/v1/products", 200, Samples.page(0, 24, 1,
                Samples.product(UUID.randomUUID(), "Kept Car", "1000.00", "Kestrel", 2024, 3)));
        visitor().get("/products?q=kept");

        Visitor.Page fragment = visitor().htmx().get("/products?q=kept");
        assertThat(fragment.document().select("html header")).as("the results region alone, not the page kept").isEmpty();
        assertThat(fragment.text()).contains("Kept Car");

        UUID unknown = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + unknown, 404, Samples.problem(404, "not-found", "No such product.", null));
        assertThat(visitor().get("/products/" + unknown).status()).isEqualTo(404);
        assertThat(visitor().get("/products/" + unknown).status()).isEqualTo(404);
        assertThat(services.requests("GET", "/v1/products/" + unknown)).hasSize(2);
    }

    @Test
    void aPageRenderedWhileProductDidNotAnswerIsNotServedAgainOnceItIsBack() {
        services.answer("GET", "/v1/products", 503, Samples.problem(503, "dependency-unavailable", "down", null));
        assertThat(visitor().get("/products?q=later").text()).contains("This part of the shop is not responding.");
        assertThat(visitor().get("/").text()).contains("New arrivals are not available right now.");

        services.answer("GET", "/v1/products", 200, Samples.page(0, 24, 1,
                Samples.product(UUID.randomUUID(), "Back Again", "1000.00", "Kestrel", 2024, 3)));

        Visitor.Page catalogue = visitor().get("/products?q=later");
        assertThat(catalogue.text()).contains("Back Again").doesNotContain("not responding");
        Visitor.Page home = visitor().get("/");
        assertThat(home.text()).contains("Back Again").doesNotContain("New arrivals are not available right now.");

        assertThat(visitor().get("/products?q=later").html()).as("the whole page is kept as usual").isEqualTo(catalogue.html());
        assertThat(services.requests("GET", "/v1/products")).hasSize(4);
    }

    @Test
    void theCategoryTreeIsAskedForOnceForManyPages() {
        customer().get("/products");
        customer().get("/products?q=suv");
        customer().get("/category/cars");

        assertThat(services.requests("GET", "/v1/categories")).hasSizeLessThanOrEqualTo(1);
        assertThat(customer().get("/products").text()).contains("Cars", "Motorcycles");
    }
}
